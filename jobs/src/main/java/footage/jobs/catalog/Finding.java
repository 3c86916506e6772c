package footage.jobs.catalog;

import footage.pipeline.continuity.FindingKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** A finding about a dump or a recording. Its id is derived from {@code key}, so raising it again is a no-op. */
public record Finding(String id, FindingKind kind, Long dumpId, Long recordingId, String deviceId, String path,
                      OffsetDateTime start, OffsetDateTime end, Double seconds, String activityId,
                      java.util.List<String> recordings, String detail) {

    public Finding {
        recordings = recordings == null ? java.util.List.of() : java.util.List.copyOf(recordings);
    }

    /** A finding on a file of a dump (manifest mismatches, rejected paths and the like). */
    public static Finding onDumpFile(FindingKind kind, long dumpId, String deviceId, String path, String detail) {
        return new Finding(stableId(kind.name(), "dump", Long.toString(dumpId), path), kind, dumpId, null, deviceId, path,
                null, null, null, null, java.util.List.of(), detail);
    }

    /** A finding on a dump as a whole (it could not be finished, its manifest said too much, ...). */
    public static Finding onDump(FindingKind kind, long dumpId, String deviceId, String detail) {
        return new Finding(stableId(kind.name(), "dump", Long.toString(dumpId)), kind, dumpId, null, deviceId, null,
                null, null, null, null, java.util.List.of(), detail);
    }

    public static String stableId(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return "F" + HexFormat.of().formatHex(sha.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
