package footage.pipeline.media;

import footage.pipeline.time.StrictTimes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Normalises container creation_time values to ISO-8601 UTC instants, strictly: "2023-02-29 10:00:00" is not a real
 * time and stays as found (with a reason from {@link #problem}), never read as 28 February or 1 March.
 */
final class CreationTimes {

    private CreationTimes() {
    }

    /**
     * FFmpeg exports "2019-02-17T09:30:00.000000Z"; other muxers write "2019-02-17 09:30:00" or an
     * offset. A value without zone is taken as UTC because ISO-BMFF defines the field in UTC.
     * Whether the device really wrote UTC is for the continuity analysis to judge, not the probe.
     * An unparseable value is returned trimmed but otherwise as found, so nothing is silently lost.
     */
    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        Instant instant = parse(value.replace(' ', 'T'));
        return instant == null ? value : instant.toString();
    }

    /**
     * Why a (normalised) creation_time is no usable instant, in one line; null when it is one or is absent.
     */
    static String problem(String normalised) {
        if (normalised == null) {
            return null;
        }
        try {
            Instant.parse(normalised);
            return null;
        } catch (DateTimeParseException notNormalised) {
            String value = normalised.replace(' ', 'T');
            String why = null;
            try {
                OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                why = StrictTimes.impossible(e);
            }
            try {
                LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                why = why != null ? why : StrictTimes.impossible(e);
            }
            return why != null ? "container creation_time " + normalised + " is not a real date-time (" + why + ")"
                    : "container creation_time " + normalised + " is not a date-time";
        }
    }

    private static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }
}
