package footage.jobs.retention;

import footage.jobs.catalog.ObjectLocations;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * What retention decisions need to know about one recording.
 *
 * @param start   corrected (reference) start, null when the device clock could not be placed
 * @param seconds how long the media really lasts (media end, else stated duration), null when unknown
 */
record RetentionRow(long id, String sha256, long size, String archivePath, String originalPath, String fileName,
                    String status, String deviceId, String officerId, OffsetDateTime start, Double seconds,
                    LocalDateTime deviceStart, OffsetDateTime ingestedAt, String retentionClass, String category,
                    LocalDate retainUntil, boolean onHold) {

    OffsetDateTime end() {
        return start == null || seconds == null ? start : start.plus(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /** Shares a moment with [from, to]: the rule an export by case uses, so a case hold keeps what a case export takes. */
    boolean overlaps(OffsetDateTime from, OffsetDateTime to) {
        return start != null && !start.isAfter(to) && !end().isBefore(from);
    }

    boolean permanent() {
        return RetentionClass.PERMANENT.name().equals(retentionClass);
    }

    boolean movedOut() {
        return ObjectLocations.isExpired(archivePath);
    }
}
