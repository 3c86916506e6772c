package footage.jobs.report;

import footage.jobs.csv.Csv;

import java.util.ArrayList;
import java.util.Arrays;
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
        List<List<?>> rows = new ArrayList<>();
        List<String> header = List.of(language.text("report.csv.header").split(","));
        if (header.size() != HEADER.size()) {
            throw new IllegalStateException("report.csv.header names " + header.size() + " columns, not "
                    + HEADER.size() + ", in " + language.locale());
        }
        rows.add(header);
        for (GapReport.Device d : report.devices()) {
            for (GapReport.Finding f : d.findings()) {
                GapReport.Explanation e = f.explanation();
                rows.add(Arrays.asList(f.id(), d.deviceId(), f.kind().name(), ReportText.iso(f.start()),
                        ReportText.iso(f.end()), new Csv.Numeral(ReportText.number(f.seconds())),
                        String.join("; ", f.recordings()), f.activityId(),
                        e == null ? null : e.reason(), e == null ? null : e.note(),
                        e == null ? null : e.by(), e == null ? null : ReportText.iso(e.at()),
                        f.detail(), "", "", "", "", ""));
            }
        }
        for (GapReport.Device d : report.devices()) {
            for (GapReport.Recording r : d.recordings()) {
                GapReport.Retention t = r.retention();
                rows.add(Arrays.asList("", d.deviceId(), "RECORDING", ReportText.iso(r.start()),
                        ReportText.iso(r.end()), new Csv.Numeral(ReportText.number(r.durationSeconds())), r.file(), "", "", "",
                        "", "", ReportText.recordingDetail(r), t == null ? "" : t.retentionClass(),
                        t == null ? "" : t.category(), t == null ? "" : language.text(t.held() ? "report.csv.yes" : "report.csv.no"),
                        t == null ? "" : t.retainUntil(), r.kind()));
            }
        }
        return Csv.write(rows, Csv.Quoting.WHEN_NEEDED);
    }
}
