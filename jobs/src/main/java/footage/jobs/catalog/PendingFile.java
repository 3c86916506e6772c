package footage.jobs.catalog;

import java.time.OffsetDateTime;

/**
 * A file of a registered dump that has not been taken in yet, with the dump facts it needs.
 *
 * @param listed          named in the dump's manifest ({@code dumpHasManifest}); without a manifest nothing is "unlisted"
 * @param rawPath         the name's bytes in hex when {@code path} does not spell it (see V86), else null
 */
public record PendingFile(long id, long dumpId, String dumpFolder, String path, boolean listed, Long listedSize,
                          String listedMd5, String deviceId, String officerId, OffsetDateTime dockedAt,
                          Double clockOffsetSeconds, Long size, boolean dumpHasManifest,
                          String rawPath) {
}
