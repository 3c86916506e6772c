package footage.jobs.evidence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the request forms send, read strictly: text within its column, ids that are numbers, days a calendar and the
 * database can hold. Anything else is refused with the form's message (HTTP 400), never an error page.
 */
final class RequestInput {

    static final int REASON = 2000;
    static final int CASE = 200;
    static final int AGENCY = 400;
    static final int LETTER_REF = 200;
    static final int COMMENT = 2000;
    static final int RECORDINGS = 4000;
    // what a request period can name: no evidence predates this, and a TIMESTAMP column holds no later year
    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

    private RequestInput() {
    }

    /** Blank is absent; anything longer than the column is refused, not cut. */
    static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new AccessRequests.Invalid("evidence.request.refused.tooLong");
        }
        return trimmed;
    }

    static List<Long> ids(String recordings) {
        if (recordings.length() > RECORDINGS) {
            throw new AccessRequests.Invalid("evidence.request.refused.tooLong");
        }
        List<Long> ids = new ArrayList<>();
        try {
            for (String s : recordings.split("[,\\s]+")) {
                if (!s.isBlank()) {
                    ids.add(Long.parseLong(s.trim()));
                }
            }
        } catch (NumberFormatException e) {
            throw new AccessRequests.Invalid("evidence.request.refused.incomplete");
        }
        return ids;
    }

    /** A day of a request period, {@code uuuu-MM-dd}, between 1970 and 9999. */
    static LocalDate day(String value) {
        try {
            LocalDate day = LocalDate.parse(value.trim());
            if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
                throw new AccessRequests.Invalid("evidence.request.refused.period");
            }
            return day;
        } catch (DateTimeException e) {
            throw new AccessRequests.Invalid("evidence.request.refused.period");
        }
    }
}
