package footage.jobs.evidence;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import footage.jobs.report.Markup;
import footage.jobs.report.SpreadsheetText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The access register as CSV and as PDF. Both take the {@link AccessRegister.View} the page shows for the same filter.
 * The PDF is rendered by openhtmltopdf as the gap report's is ({@code footage.jobs.report.PdfReport}), with the same
 * CJK font ({@code footage.report.cjk-font}) embedded: agencies, reasons and comments are mostly Chinese.
 */
final class RegisterExports {

    /** The columns in English; a reader of another language gets them in its words (evidence.register.csvHeader). */
    static final List<String> CSV_HEADER = List.of("record", "id", "time", "kind_or_type", "who", "what", "why", "status",
            "decided_by", "decision_comment", "valid_from", "valid_until", "detail", "request");
    private static final String CJK_FAMILY = "footage-cjk";

    private RegisterExports() {
    }

    /** {@code text}: message code and arguments to the reader's language; cells keep their codes (request, use). */
    static String csv(AccessRegister.View view, EvidenceFormat format, BiFunction<String, Object[], String> text) {
        StringBuilder csv = new StringBuilder();
        String[] header = text.apply("evidence.register.csvHeader", new Object[0]).split(",");
        if (header.length != CSV_HEADER.size()) {
            throw new IllegalStateException("evidence.register.csvHeader names " + header.length + " columns, not "
                    + CSV_HEADER.size());
        }
        row(csv, (Object[]) header);
        for (AccessRequests.Request q : view.requests()) {
            row(csv, "request", q.id(), iso(q.requestedAt()), q.kind(), q.requester(), q.what(), q.reason(), q.status(),
                    q.decidedBy(), q.decisionComment(), iso(q.validFrom()), iso(q.validUntil()), external(q), q.id());
        }
        for (AccessRegister.Use u : view.uses()) {
            row(csv, "use", u.seq(), iso(u.at()), u.type(), u.actor(), u.subject(), u.why(), "", "", "", "", "", u.detail(),
                    u.requestId());
        }
        return csv.toString();
    }

    private static void row(StringBuilder b, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            String v = SpreadsheetText.inert(cells[i] == null ? null : cells[i].toString());
            b.append(i == 0 ? "" : ",").append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        b.append("\r\n");
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

    /** {@code conditions}: the filter as shown to the reader; {@code text}: message code and arguments to the page's language. */
    static byte[] pdf(AccessRegister.View view, String conditions, EvidenceFormat format,
                      BiFunction<String, Object[], String> text, Path cjkFont) {
        if (cjkFont == null || !Files.isRegularFile(cjkFont) || !Files.isReadable(cjkFont)) {
            throw new IllegalStateException("the CJK font for PDF exports is missing: " + cjkFont + " (install the Debian "
                    + "package fonts-droid-fallback, or set footage.report.cjk-font to a TrueType font with Chinese glyphs)");
        }
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"/><title>")
                .append(Markup.esc(t(text, "evidence.register.title"))).append("</title><style>")
                .append("@page { size: A4 landscape; margin: 12mm; } ")
                .append("body { font-family: ").append(CJK_FAMILY).append(", sans-serif; font-size: 8pt; } ")
                .append("h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 10pt; } ")
                .append("table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; } ")
                .append("th, td { border: 0.5pt solid #888; padding: 2pt; vertical-align: top; text-align: left; "
                        + "word-wrap: break-word; } th { background: #eee; }")
                .append("</style></head><body>");
        h.append("<h1>").append(Markup.esc(t(text, "evidence.register.title"))).append("</h1>");
        h.append("<p>").append(Markup.esc(t(text, "evidence.register.conditions"))).append(": ")
                .append(Markup.esc(conditions.isEmpty() ? t(text, "evidence.register.noConditions") : conditions))
                .append(" · ").append(Markup.esc(t(text, "evidence.register.zone", format.zone()))).append("</p>");
        h.append("<h2>").append(Markup.esc(t(text, "evidence.requests.title"))).append(" (").append(view.requests().size()).append(")</h2>");
        h.append("<table><thead><tr>");
        for (String c : List.of("id", "kind", "requester", "what", "why", "period", "status", "decision", "time")) {
            h.append("<th>").append(Markup.esc(t(text, "evidence.register.col." + c))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (AccessRequests.Request q : view.requests()) {
            h.append("<tr>");
            cell(h, String.valueOf(q.id()));
            cell(h, t(text, "evidence.requestKind." + q.kind()) + ("EXTERNAL".equals(q.kind()) ? " " + external(q) : ""));
            cell(h, q.requester());
            cell(h, q.what());
            cell(h, q.reason());
            cell(h, format.at(q.validFrom()) + " – " + format.at(q.validUntil()));
            cell(h, t(text, "evidence.requestStatus." + q.status()));
            cell(h, q.decidedBy() == null ? "" : q.decidedBy() + ": " + nonNull(q.decisionComment()));
            cell(h, format.at(q.requestedAt()));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        h.append("<h2>").append(Markup.esc(t(text, "evidence.register.uses"))).append(" (").append(view.uses().size()).append(")</h2>");
        h.append("<table><thead><tr>");
        for (String c : List.of("time", "type", "who", "what", "why", "detail", "request")) {
            h.append("<th>").append(Markup.esc(t(text, "evidence.register.col." + c))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (AccessRegister.Use u : view.uses()) {
            h.append("<tr>");
            cell(h, format.at(u.at()));
            cell(h, t(text, "evidence.use." + u.type()));
            cell(h, u.actor());
            cell(h, u.subject());
            cell(h, u.why());
            cell(h, u.detail());
            cell(h, u.requestId() == null ? "" : String.valueOf(u.requestId()));
            h.append("</tr>");
        }
        h.append("</tbody></table></body></html>");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(cjkFont.toFile(), CJK_FAMILY);
            builder.withHtmlContent(h.toString(), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the register as PDF: " + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }

    private static String t(BiFunction<String, Object[], String> text, String code, Object... args) {
        return text.apply(code, args);
    }

    private static void cell(StringBuilder h, String value) {
        h.append("<td>").append(Markup.esc(value)).append("</td>");
    }
}
