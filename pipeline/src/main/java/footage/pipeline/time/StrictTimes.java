package footage.pipeline.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Dates and times read strictly. java.time's default (SMART) resolver quietly turns 30 February into 29 February,
 * which once placed a recording days off and raised a false LATE_UPLOAD; here an impossible date or time is an error
 * that names itself, never a correction. Patterns use {@code uuuu}: {@code yyyy} is year-of-era and, strictly
 * resolved, needs an era field as well.
 */
public final class StrictTimes {

    private StrictTimes() {
    }

    /** A pattern formatter with the STRICT resolver. */
    public static DateTimeFormatter pattern(String pattern) {
        if (pattern.contains("y")) {
            throw new IllegalArgumentException("use 'uuuu', not 'yyyy': strictly resolved, 'yyyy' needs an era ("
                    + pattern + ")");
        }
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * Why a value that has the shape of a date or time is not one (the parser's own words, e.g. "Invalid date
     * 'FEBRUARY 30'"), or null when the value does not even have the shape: the parser then failed on the text, not
     * on resolving its fields.
     */
    public static String impossible(DateTimeParseException e) {
        return e.getCause() instanceof DateTimeException resolving ? resolving.getMessage() : null;
    }

    /** ISO-8601 with an offset ("2019-02-17T09:30:00+08:00", "...Z"), strictly. */
    public static OffsetDateTime offsetDateTime(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            String why = impossible(e);
            throw new DateTimeException(why != null ? "'" + value + "' is not a real date-time: " + why
                    : "'" + value + "' is not an ISO-8601 date-time with offset");
        }
    }

    /**
     * An ISO-8601 date-time with offset; else a local date-time ('T' or one space between date and time) in
     * {@code zone}; else a date: its first instant, or with {@code endOfDay} the first instant of the next day. A local
     * time that the zone skipped (a daylight-saving gap) does not exist and is refused, not moved.
     *
     * @throws DateTimeException with a one-line reason naming the value
     */
    public static OffsetDateTime dateTime(String value, ZoneId zone, boolean endOfDay) {
        String v = value.trim();
        if (v.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*")) {
            v = v.replaceFirst(" ", "T");
        }
        String why = null;
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            why = impossible(e);
        }
        try {
            LocalDateTime local = LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                throw new DateTimeException("'" + value + "' does not exist in " + zone + " (the clocks skipped it)");
            }
            return local.atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            why = why != null ? why : impossible(e);
        }
        try {
            LocalDate day = LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            why = why != null ? why : impossible(e);
        }
        throw new DateTimeException(why != null ? "'" + value + "' is not a real date or time: " + why
                : "'" + value + "' is not a date-time");
    }
}
