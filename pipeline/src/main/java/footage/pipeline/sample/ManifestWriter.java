package footage.pipeline.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import footage.pipeline.text.Json;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.apache.commons.codec.digest.DigestUtils;

/** Writes a dump's manifest.json (schema footage-dump/1) the way a docking station does: last, atomically. */
final class ManifestWriter {

    static final String FILE_NAME = "manifest.json";
    static final String SCHEMA = "footage-dump/1";

    private ManifestWriter() {
    }

    static void write(Path dumpDir, DumpSpec spec) throws IOException {
        ObjectNode manifest = Json.MAPPER.createObjectNode();
        manifest.put("schema", SCHEMA);
        putIfPresent(manifest, "station", spec.station());
        putIfPresent(manifest, "deviceId", spec.deviceId());
        putIfPresent(manifest, "officerId", spec.officerId());
        putIfPresent(manifest, "officerName", spec.officerName());
        putIfPresent(manifest, "dockedAt", spec.dockedAt());
        putIfPresent(manifest, "deviceClockAtDock", spec.deviceClockAtDock());
        ArrayNode files = manifest.putArray("files");
        for (FileSpec file : spec.files()) {
            if (file.listed()) {
                files.add(entry(dumpDir, file));
            }
        }
        // Jackson writes UTF-8 and keeps 张三 as characters rather than \\u escapes
        byte[] json = Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
        // hidden temp name + rename: a watcher never sees a half-written manifest.json
        Path temp = dumpDir.resolve("." + FILE_NAME + ".tmp");
        Files.write(temp, json);
        Files.move(temp, dumpDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static ObjectNode entry(Path dumpDir, FileSpec file) throws IOException {
        Path written = dumpDir.resolve(file.path());
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("path", file.path());
        entry.put("size", file.manifestSize() != null ? file.manifestSize() : Files.size(written));
        if (file.manifestMd5() == null) {
            try (InputStream in = Files.newInputStream(written)) {
                entry.put("md5", DigestUtils.md5Hex(in));
            }
        } else if (!file.manifestMd5().isEmpty()) {
            entry.put("md5", file.manifestMd5());
        }
        return entry;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
