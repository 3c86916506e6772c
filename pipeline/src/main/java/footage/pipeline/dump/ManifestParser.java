package footage.pipeline.dump;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footage.pipeline.time.StrictTimes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code manifest.json}; unknown fields are kept in the file and ignored here. */
public final class ManifestParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DumpManifest parse(Path manifestFile) throws ManifestException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(manifestFile));
        } catch (JsonProcessingException e) {
            throw new ManifestException("malformed manifest.json: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new ManifestException("unreadable manifest.json: " + e, e);
        }
        try {
            return toManifest(root);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ManifestException("invalid manifest.json: " + e.getMessage(), e);
        }
    }

    private static DumpManifest toManifest(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the top level is not a JSON object");
        }
        String schema = text(root, "schema");
        if (!DumpManifest.SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema is " + (schema == null ? "missing" : "'" + schema + "'")
                    + ", expected '" + DumpManifest.SCHEMA + "'");
        }
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) {
            throw new IllegalArgumentException("files is required and must be an array");
        }
        List<ManifestEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode f : files) {
            if (!f.isObject()) {
                throw new IllegalArgumentException("files[" + entries.size() + "] is not an object");
            }
            JsonNode size = f.get("size");
            if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) {
                throw new IllegalArgumentException("files[" + entries.size() + "].size is required and must be a whole number");
            }
            ManifestEntry entry = new ManifestEntry(text(f, "path"), size.asLong(), text(f, "md5"));
            if (!seen.add(entry.path())) {
                throw new IllegalArgumentException("files lists " + entry.path() + " twice");
            }
            entries.add(entry);
        }
        return new DumpManifest(text(root, "station"), text(root, "deviceId"), text(root, "officerId"),
                text(root, "officerName"), time(root, "dockedAt"), time(root, "deviceClockAtDock"), entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }

    private static OffsetDateTime time(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null) {
            return null;
        }
        try {
            // strictly: an impossible dockedAt quarantines the dump, it is never moved to a nearby real day
            return StrictTimes.offsetDateTime(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }
}
