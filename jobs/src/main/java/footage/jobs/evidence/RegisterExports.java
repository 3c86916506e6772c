package footage.jobs.evidence;

import footage.jobs.csv.Csv;
import footage.jobs.report.PdfRenderer;
import footage.jobs.report.ReportTemplates;
import footage.pipeline.text.DisplayText;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The access register as CSV and as PDF. Both take the {@link AccessRegister.View} the page shows for the same filter.
 * The PDF is rendered by the reports' one {@link PdfRenderer}, with the same CJK font ({@code footage.report.cjk-font})
 * embedded: agencies, reasons and comments are mostly Chinese.
 */
final class RegisterExports {

    /** The columns in English; a reader of another language gets them in its words (evidence.register.csvHeader). */
    static final List<String> CSV_HEADER = List.of("record", "id", "time", "kind_or_type", "who", "what", "why", "status",
            "decided_by", "decision_comment", "valid_from", "valid_until", "detail", "request");

    private RegisterExports() {
    }

    /** {@code text}: message code and arguments to the reader's language; cells keep their codes (request, use). */
    static String csv(AccessRegister.View view, EvidenceFormat format, BiFunction<String, Object[], String> text) {
        List<List<?>> rows = new ArrayList<>();
        String[] header = text.apply("evidence.register.csvHeader", new Object[0]).split(",");
        if (header.length != CSV_HEADER.size()) {
            throw new IllegalStateException("evidence.register.csvHeader names " + header.length + " columns, not "
                    + CSV_HEADER.size());
        }
        rows.add(List.of(header));
        for (AccessRequests.Request q : view.requests()) {
            rows.add(Arrays.asList("request", q.id(), iso(q.requestedAt()), q.kind(), q.requester(), q.what(), q.reason(),
                    q.status(), q.decidedBy(), q.decisionComment(), iso(q.validFrom()), iso(q.validUntil()), external(q), q.id()));
        }
        for (AccessRegister.Use u : view.uses()) {
            rows.add(Arrays.asList("use", u.seq(), iso(u.at()), u.type(), u.actor(), u.subject(), u.why(), "", "", "", "",
                    "", u.detail(), u.requestId()));
        }
        return Csv.write(rows, Csv.Quoting.ALWAYS);
    }

    private static String iso(OffsetDateTime t) {
        return t == null ? "" : t.toInstant().toString();
    }

    private static String external(AccessRequests.Request q) {
        if (!"EXTERNAL".equals(q.kind())) {
            return "";
        }
        return q.agencyType() + " " + nonNull(q.agencyName()) + " " + nonNull(q.letterRef()) + " sha256:" + nonNull(q.letterSha256());
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /**
     * {@code conditions}: the filter as shown to the reader; {@code text}: message code and arguments to the page's
     * language, for the codes in the rows (kinds, statuses, events); the page is {@code templates/report/register.xhtml}.
     */
    static byte[] pdf(AccessRegister.View view, String conditions, EvidenceFormat format,
                      BiFunction<String, Object[], String> text, ReportTemplates templates, Locale locale, PdfRenderer renderer) {
        Map<String, Object> page = new HashMap<>();
        page.put("conditions", shown(conditions));
        page.put("zone", format.zone());
        page.put("requests", view.requests().stream().map(q -> RequestRow.of(q, format, text)).toList());
        page.put("uses", view.uses().stream().map(u -> UseRow.of(u, format, text)).toList());
        return renderer.render(templates.render("register", locale, page));
    }

    private static String t(BiFunction<String, Object[], String> text, String code, Object... args) {
        return text.apply(code, args);
    }

    /**
     * Names, reasons and comments come from people: control and bidi characters are shown as escapes, never passed on
     * to reorder or hide the text around them (the engine escapes markup, not these).
     */
    private static String shown(String text) {
        return text == null ? "" : DisplayText.escapeControls(text);
    }

    /** A request's line of the PDF, in the reader's words. */
    public record RequestRow(String id, String kind, String requester, String what, String why, String period,
                             String status, String decision, String time) {

        static RequestRow of(AccessRequests.Request q, EvidenceFormat format, BiFunction<String, Object[], String> text) {
            return new RequestRow(String.valueOf(q.id()),
                    shown(t(text, "evidence.requestKind." + q.kind()) + ("EXTERNAL".equals(q.kind()) ? " " + external(q) : "")),
                    shown(q.requester()), shown(q.what()), shown(q.reason()),
                    format.at(q.validFrom()) + " – " + format.at(q.validUntil()),
                    shown(t(text, "evidence.requestStatus." + q.status())),
                    q.decidedBy() == null ? "" : shown(q.decidedBy() + ": " + nonNull(q.decisionComment())),
                    format.at(q.requestedAt()));
        }
    }

    /** A use's (or refusal's) line of the PDF. */
    public record UseRow(String time, String type, String who, String what, String why, String detail, String request) {

        static UseRow of(AccessRegister.Use u, EvidenceFormat format, BiFunction<String, Object[], String> text) {
            return new UseRow(format.at(u.at()), shown(t(text, "evidence.use." + u.type())), shown(u.actor()),
                    shown(u.subject()), shown(u.why()), shown(u.detail()),
                    u.requestId() == null ? "" : String.valueOf(u.requestId()));
        }
    }
}
