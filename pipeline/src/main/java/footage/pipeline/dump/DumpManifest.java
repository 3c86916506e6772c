package footage.pipeline.dump;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** A parsed {@code manifest.json} of schema {@value #SCHEMA} (docs/formats.md §3). */
public record DumpManifest(String station, String deviceId, String officerId, String officerName,
                           OffsetDateTime dockedAt, OffsetDateTime deviceClockAtDock, List<ManifestEntry> files) {

    public static final String SCHEMA = "footage-dump/1";
    public static final String FILE_NAME = "manifest.json";

    public DumpManifest {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId is required");
        }
        if (dockedAt == null) {
            throw new IllegalArgumentException("dockedAt is required");
        }
        files = List.copyOf(files);
    }

    /** Device clock minus reference clock at docking, in seconds (positive = device fast); null when not reported. */
    public Double clockOffsetSeconds() {
        if (deviceClockAtDock == null) {
            return null;
        }
        return Duration.between(dockedAt, deviceClockAtDock).toMillis() / 1000.0;
    }
}
