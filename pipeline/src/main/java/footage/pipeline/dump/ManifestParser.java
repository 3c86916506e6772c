package footage.pipeline.dump;

import footage.pipeline.text.Json;
import footage.pipeline.time.StrictTimes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code manifest.json} strictly and as a stream: a key given twice in one object, anything after the top-level
 * object, a link instead of a file are errors (a second {@code deviceId} must never silently win). The file is read
 * once, token by token — memory grows with the number of {@code files} entries, not with the file's size, so a large
 * manifest or a long unknown field is read, not refused — and its SHA-256 is taken from the same bytes. Unknown
 * fields are kept in the file and skipped here.
 */
public final class ManifestParser {

    private static final ObjectReader JSON = Json.MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // the rest of the file is read for the digest after the parser is done
            .without(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // each files[] entry is read as a tree from the middle of the stream; the end is checked below
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> TEXT_FIELDS = Set.of("schema", "station", "deviceId", "officerId", "officerName",
            "dockedAt", "deviceClockAtDock");

    /** A parsed manifest and the SHA-256 of the bytes it was parsed from. */
    public record Read(DumpManifest manifest, String sha256) {
    }

    public DumpManifest parse(Path manifestFile) throws ManifestException {
        return read(manifestFile).manifest();
    }

    public Read read(Path manifestFile) throws ManifestException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> fields = new HashMap<>();
        List<ManifestEntry> entries = null;
        // no-follow: a manifest.json that is (or became) a link is refused, never read through
        try (InputStream in = new DigestInputStream(Files.newInputStream(manifestFile, LinkOption.NOFOLLOW_LINKS), sha);
             JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the top level is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("files")) {
                    entries = files(p, value);
                } else if (TEXT_FIELDS.contains(name)) {
                    fields.put(name, text(p, value, name));
                } else {
                    p.skipChildren();
                }
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new IllegalArgumentException("data after the end of the top-level object (" + trailing
                        + ") at line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr());
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (JacksonIOException e) {
            throw new ManifestException("unreadable manifest.json: " + e.getCause(), e);
        } catch (JacksonException e) {
            throw new ManifestException("malformed manifest.json: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new ManifestException("unreadable manifest.json: " + e, e);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ManifestException("invalid manifest.json: " + e.getMessage(), e);
        }
        try {
            return new Read(toManifest(fields, entries), HexFormat.of().formatHex(sha.digest()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ManifestException("invalid manifest.json: " + e.getMessage(), e);
        }
    }

    private static List<ManifestEntry> files(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("files is required and must be an array");
        }
        List<ManifestEntry> entries = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            // one entry at a time: a small tree each, never the whole array
            JsonNode f = JSON.readTree(p);
            if (f == null || !f.isObject()) {
                throw new IllegalArgumentException("files[" + entries.size() + "] is not an object");
            }
            JsonNode size = f.get("size");
            if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) {
                throw new IllegalArgumentException("files[" + entries.size() + "].size is required and must be a whole number");
            }
            // the same path twice is not an error of the whole manifest: the inspector makes it a finding
            entries.add(new ManifestEntry(text(f, "path"), size.asLong(), text(f, "md5")));
        }
        return entries;
    }

    private static String text(JsonParser p, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!value.isScalarValue()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return noNul(field, p.getString());
    }

    /** U+0000 is no part of a name or an id, and PostgreSQL cannot store it: said once, not failed on every run. */
    private static String noNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(field + " holds a NUL character (\\u0000) at position " + value.indexOf('\u0000'));
        }
        return value;
    }

    private static DumpManifest toManifest(Map<String, String> fields, List<ManifestEntry> entries) {
        String schema = fields.get("schema");
        if (!DumpManifest.SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema is " + (schema == null ? "missing" : "'" + schema + "'")
                    + ", expected '" + DumpManifest.SCHEMA + "'");
        }
        if (entries == null) {
            throw new IllegalArgumentException("files is required and must be an array");
        }
        return new DumpManifest(fields.get("station"), fields.get("deviceId"), fields.get("officerId"),
                fields.get("officerName"), time(fields, "dockedAt"), time(fields, "deviceClockAtDock"), entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return noNul("files[]." + field, v.asString());
    }

    private static OffsetDateTime time(Map<String, String> fields, String field) {
        String v = fields.get(field);
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
