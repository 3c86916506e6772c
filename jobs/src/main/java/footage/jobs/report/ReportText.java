package footage.jobs.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** How the renderers write times and numbers, so the formats agree with each other. */
final class ReportText {

    /** For people: seconds are enough, and the offset says which zone. */
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

    private ReportText() {
    }

    /** ISO-8601 with offset, as docs/formats.md §1 asks; null stays null. */
    static String iso(OffsetDateTime t) {
        return t == null ? null : t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String readable(OffsetDateTime t) {
        return t == null ? "" : t.format(READABLE);
    }

    /** Plain decimal (never 1.0E7), at most millisecond precision. */
    static String number(Double d) {
        if (d == null) {
            return "";
        }
        if (d.isNaN() || d.isInfinite()) {
            return d.toString();
        }
        BigDecimal v = BigDecimal.valueOf(d).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    /** A recording in one line without commas (a CSV cell stays unquoted): id, status, where it is, hash. */
    static String recordingDetail(GapReport.Recording r) {
        boolean out = r.retention() != null && r.retention().movedOut();
        return "recording " + r.id() + ": " + r.status() + (out ? "; moved out to expired/" : "") + "; sha256 " + r.sha256();
    }

    /** The rest of a recording's retention for people: "PENALTY_EVIDENCE, on hold", "until 2021-02-17, moved out". */
    static String retentionDetail(GapReport.Retention t, ReportLanguage language) {
        if (t == null) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (t.category() != null) {
            parts.add(t.category());
        }
        if (t.held()) {
            parts.add(language.text("report.onHold"));
        }
        if (t.retainUntil() != null) {
            parts.add(language.text("report.until", t.retainUntil().toString()));
        }
        if (t.movedOut()) {
            parts.add(language.text("report.movedOut"));
        }
        return String.join(", ", parts);
    }
}
