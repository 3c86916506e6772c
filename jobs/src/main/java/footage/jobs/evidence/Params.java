package footage.jobs.evidence;

import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Filter parameters of the evidence pages: what cannot be read is no condition, never an error page. */
final class Params {

    private Params() {
    }

    static void param(UriComponentsBuilder link, String name, Object value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A filter's day; one no catalog time can fall on (before 1970, after 9999) is no condition either. */
    static LocalDate day(String s) {
        try {
            LocalDate day = s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
            return day == null || day.getYear() < 1970 || day.getYear() > 9998 ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
