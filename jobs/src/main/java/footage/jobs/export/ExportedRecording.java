package footage.jobs.export;

import footage.jobs.fixity.ArchivedObject;
import java.time.OffsetDateTime;

/** A recording chosen for an evidence package, with where it is and when it ran on the reference clock. */
record ExportedRecording(long id, String sha256, long size, String archivePath, String originalPath, long dumpId,
                         String deviceId, String officerId, OffsetDateTime start, OffsetDateTime end, String status) {

    ArchivedObject object() {
        return new ArchivedObject(id, sha256, size, archivePath, originalPath);
    }

    boolean overlaps(OffsetDateTime from, OffsetDateTime to) {
        return start != null && !start.isAfter(to) && !(end == null ? start : end).isBefore(from);
    }
}
