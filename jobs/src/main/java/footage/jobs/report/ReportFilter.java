package footage.jobs.report;

import java.time.OffsetDateTime;

/**
 * Which part of the catalog a report covers. {@code from}/{@code to} are reference times; a recording or finding is
 * included when its [start, end] overlaps [from, to]. Null means unbounded.
 */
public record ReportFilter(String deviceId, OffsetDateTime from, OffsetDateTime to) {

    public ReportFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    public static ReportFilter all() {
        return new ReportFilter(null, null, null);
    }

    boolean timeBounded() {
        return from != null || to != null;
    }

    /** Whether [start, end] overlaps the window; something with no known time cannot be placed in a bounded one. */
    boolean overlaps(OffsetDateTime start, OffsetDateTime end) {
        if (!timeBounded()) {
            return true;
        }
        if (start == null && end == null) {
            return false;
        }
        OffsetDateTime s = start != null ? start : end;
        OffsetDateTime e = end != null ? end : start;
        return (to == null || !s.isAfter(to)) && (from == null || !e.isBefore(from));
    }
}
