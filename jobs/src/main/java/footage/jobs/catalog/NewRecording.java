package footage.jobs.catalog;

import footage.pipeline.media.RecordingKind;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Catalog row of a newly archived object.
 *
 * @param creationTime the container's creation_time, or a photo's EXIF DateTimeOriginal, as an ISO instant
 * @param timeProblem  why a time of it could not be read (impossible date in its name, container or EXIF), or null
 * @param kind         VIDEO, AUDIO or PHOTO (decided from its bytes, docs/formats.md §5)
 * @param silencesJson where its sound is silent, [{"fromSeconds":s,"toSeconds":s}]; null when not checked
 * @param silenceProblem why its sound could not be decoded to the end, or null
 */
public record NewRecording(String sha256, String md5, long sizeBytes, String archivePath, String originalPath,
                           String fileName, long dumpId, String deviceId, String officerId, LocalDateTime deviceStart,
                           String deviceStartSource, String creationTime, OffsetDateTime correctedStart,
                           Double durationSeconds, Double mediaSeconds, String jumpsJson, String container, String videoCodec, String audioCodec,
                           Integer width, Integer height, Double frameRate, boolean important, String status,
                           String statusReason, String probeJson, String timeProblem, RecordingKind kind,
                           String silencesJson, String silenceProblem) {
}
