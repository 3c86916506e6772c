package footage.jobs.report;

import java.util.List;

/**
 * The report as CSV (RFC 4180, CRLF), its header in the report's language (codes such as GAP and VIDEO stay as they are,
 * so a spreadsheet filter works the same in every language), one row per finding, then one row per recording (kind {@code RECORDING}, with
 * its retention class, category, hold, retain-until date and what it is: VIDEO, AUDIO or PHOTO). Evidence staff open it in spreadsheets, and file names,
 * notes and device ids come from outside: a cell that a spreadsheet would read as a formula gets a leading
 * apostrophe (OWASP "CSV injection").
 */
final class CsvReport {

    /** The header's column names, in English; a report in another language names them in its words, same order. */
    static final List<String> HEADER = List.of("finding_id", "device", "kind", "start", "end", "seconds", "recordings",
            "activity", "explanation_reason", "explanation_note", "explained_by", "explained_at", "detail",
            "retention_class", "retention_category", "hold", "retain_until", "recording_kind");

    private CsvReport() {
    }

    static String render(GapReport report, ReportLanguage language) {
        StringBuilder b = new StringBuilder();
        List<String> header = List.of(language.text("report.csv.header").split(","));
        if (header.size() != HEADER.size()) {
            throw new IllegalStateException("report.csv.header names " + header.size() + " columns, not "
                    + HEADER.size() + ", in " + language.locale());
        }
        row(b, header);
        for (GapReport.Device d : report.devices()) {
            for (GapReport.Finding f : d.findings()) {
                GapReport.Explanation e = f.explanation();
                row(b, List.of(text(f.id()), text(d.deviceId()), text(f.kind().name()), text(ReportText.iso(f.start())),
                        text(ReportText.iso(f.end())), ReportText.number(f.seconds()),
                        text(String.join("; ", f.recordings())), text(f.activityId()),
                        text(e == null ? null : e.reason()), text(e == null ? null : e.note()),
                        text(e == null ? null : e.by()), text(e == null ? null : ReportText.iso(e.at())),
                        text(f.detail()), "", "", "", "", ""));
            }
        }
        for (GapReport.Device d : report.devices()) {
            for (GapReport.Recording r : d.recordings()) {
                GapReport.Retention t = r.retention();
                row(b, List.of("", text(d.deviceId()), "RECORDING", text(ReportText.iso(r.start())),
                        text(ReportText.iso(r.end())), ReportText.number(r.durationSeconds()), text(r.file()), "", "", "",
                        "", "", text(ReportText.recordingDetail(r)), t == null ? "" : text(t.retentionClass()),
                        t == null ? "" : text(t.category()), t == null ? "" : language.text(t.held() ? "report.csv.yes" : "report.csv.no"),
                        t == null || t.retainUntil() == null ? "" : t.retainUntil().toString(), text(r.kind())));
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quoted(cells.get(i)));
        }
        b.append("\r\n");
    }

    static String text(String value) {
        return SpreadsheetText.inert(value);
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
