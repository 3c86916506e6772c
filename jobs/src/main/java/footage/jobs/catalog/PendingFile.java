package footage.jobs.catalog;

import java.time.OffsetDateTime;

/**
 * A file of a registered dump that has not been taken in yet, with the dump facts it needs.
 *
 * @param listed          named in the dump's manifest ({@code dumpHasManifest}); without a manifest nothing is "unlisted"
 * @param size            its size when registered (or last seen changing)
 * @param mtimeNanos      its modification time then (ns since the epoch), null for files registered before V85
 * @param fileKey         its device and inode then (the JDK's file key), null when unknown
 * @param attempts        runs whose read of it failed in a way that repeats
 * @param rawPath         the name's bytes in hex when {@code path} does not spell it (see V86), else null
 */
public record PendingFile(long id, long dumpId, String dumpFolder, String path, boolean listed, Long listedSize,
                          String listedMd5, String deviceId, String officerId, OffsetDateTime dockedAt,
                          Double clockOffsetSeconds, Long size, boolean dumpHasManifest, Long mtimeNanos,
                          String fileKey, int attempts, String rawPath) {
}
