package footage.jobs.catalog;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Catalog row of a newly archived object. */
public record NewRecording(String sha256, String md5, long sizeBytes, String archivePath, String originalPath,
                           String fileName, long dumpId, String deviceId, String officerId, LocalDateTime deviceStart,
                           String deviceStartSource, String creationTime, OffsetDateTime correctedStart,
                           Double durationSeconds, Double mediaSeconds, String jumpsJson, String container, String videoCodec, String audioCodec,
                           Integer width, Integer height, Double frameRate, boolean important, String status,
                           String statusReason, String probeJson) {
}
