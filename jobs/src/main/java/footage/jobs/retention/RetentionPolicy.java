package footage.jobs.retention;

import footage.jobs.FootageProperties;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * Dates of the STANDARD class (docs/formats.md §12): kept until the recording date + {@code footage.retention.standard},
 * dates in the bureau's zone ({@code footage.device-zone}). A recording is expired the day after its retain-until
 * date.
 */
@Component
class RetentionPolicy {

    private final Period standard;
    private final ZoneId zone;

    RetentionPolicy(RetentionProperties retention, FootageProperties footage) {
        this.standard = retention.standard();
        this.zone = footage.deviceZone();
    }

    Period standard() {
        return standard;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The day it was recorded on the reference clock; for a recording whose clock could not be placed, the device's
     * own date; failing that the day it was taken in, which is later than the recording and so never shortens it.
     */
    LocalDate recordingDate(RetentionRow r) {
        if (r.start() != null) {
            return r.start().atZoneSameInstant(zone).toLocalDate();
        }
        if (r.deviceStart() != null) {
            return r.deviceStart().toLocalDate();
        }
        return r.ingestedAt().atZoneSameInstant(zone).toLocalDate();
    }

    LocalDate standardUntil(RetentionRow r) {
        return recordingDate(r).plus(standard);
    }

    /**
     * The date a sweep goes by: the stored retain-until, unless today's period keeps the recording longer (a
     * period raised after ingest applies to footage already kept; a period lowered never shortens a stored date).
     */
    LocalDate effectiveUntil(RetentionRow r) {
        LocalDate now = standardUntil(r);
        return r.retainUntil() == null || now.isAfter(r.retainUntil()) ? now : r.retainUntil();
    }

    LocalDate today(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
