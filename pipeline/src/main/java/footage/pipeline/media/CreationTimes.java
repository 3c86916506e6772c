package footage.pipeline.media;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Normalises container creation_time values to ISO-8601 UTC instants. */
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

    private static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }
}
