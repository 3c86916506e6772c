package footage.jobs.report;

import footage.pipeline.continuity.FindingKind;
import footage.pipeline.text.DisplayText;
import org.springframework.context.MessageSource;

import java.util.Map;

/**
 * The report as one self-contained page (inline CSS and SVG, nothing fetched): the timeline above a table of
 * devices, a table of every finding and one of every recording, from the template {@code templates/report/gaps.xhtml}
 * in the words of the report's language. Written as XHTML so that the PDF renderer can parse the very same page.
 */
final class HtmlReport {

    static final String CSS = """
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: footage-cjk, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
                   font-size: 9pt; color: #222222; margin: 0; }
            h1 { font-size: 15pt; margin: 0 0 4pt 0; }
            h2 { font-size: 11pt; margin: 12pt 0 4pt 0; }
            h3.day { font-size: 9.5pt; margin: 8pt 0 2pt 0; color: #333333; }
            p.meta { color: #555555; margin: 1pt 0; }
            .hash { font-family: monospace; word-wrap: break-word; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; -fs-table-paginate: paginate; }
            th, td { border: 0.5pt solid #bbbbbb; padding: 2pt 3pt; text-align: left; vertical-align: top;
                     word-wrap: break-word; }
            th { background: #eeeeee; }
            td.num { text-align: right; }
            tr.unexplained td { background: #fbe3e3; }
            tr.explained td { background: #efefef; }
            span.unexplained { color: #b00000; font-weight: bold; }
            @media screen { body { margin: 16px; } }
            """;

    /** Detail pictures per report at most: 62 device-days, a month of two devices. */
    static final int MAX_DAY_TIMELINES = 62;

    private final ReportTemplates templates;

    HtmlReport(MessageSource messages) {
        this.templates = new ReportTemplates(messages);
    }

    /** One self-contained page in the language's words; text from outside (names, notes) is escaped by the engine. */
    String render(GapReport report, ReportLanguage language) {
        Map<String, Object> page = new java.util.HashMap<>();
        long unexplained = report.devices().stream().flatMap(d -> d.findings().stream())
                .filter(f -> f.kind() == FindingKind.GAP && !f.explained()).count();
        page.put("report", report);
        page.put("generated", ReportText.readable(report.generatedAt()));
        page.put("zone", report.zone().getId());
        page.put("scope", scope(report.filter(), language));
        page.put("recordingCount", report.devices().stream().mapToLong(d -> d.recordings().size()).sum());
        page.put("findingCount", report.devices().stream().mapToLong(d -> d.findings().size()).sum());
        page.put("unexplainedCount", unexplained);
        page.put("overview", SvgTimeline.overview(report, language));
        page.put("days", days(report, language));
        page.put("devices", report.devices().stream().map(d -> DeviceRow.of(d)).toList());
        page.put("findings", report.devices().stream().flatMap(d -> d.findings().stream()
                .map(f -> FindingRow.of(d, f, language))).toList());
        page.put("recordings", report.devices().stream().flatMap(d -> d.recordings().stream()
                .map(r -> RecordingRow.of(d, r, language))).toList());
        return templates.render("gaps", language, page);
    }

    /** The overview timeline alone, as an SVG document: the same fragment the page draws it with. */
    String timeline(GapReport report, ReportLanguage language) {
        return templates.render("timeline", language, Map.of("timeline", SvgTimeline.overview(report, language))).strip();
    }

    /** One device's one day, drawn in detail under the overview. */
    public record DayRow(String device, String day, SvgTimeline.Picture timeline) {
    }

    /**
     * Every device's days in detail, so a short gap in a long span is as plain as in a day's report; capped, since a
     * report over a year would otherwise run to hundreds of pictures (the overview and the tables still list all).
     */
    private static java.util.List<DayRow> days(GapReport report, ReportLanguage language) {
        java.util.List<DayRow> rows = new java.util.ArrayList<>();
        for (GapReport.Device d : report.devices()) {
            for (java.time.LocalDate day : SvgTimeline.days(report, d)) {
                if (rows.size() == MAX_DAY_TIMELINES) {
                    return rows;
                }
                rows.add(new DayRow(shown(d.deviceId() == null ? language.text("report.unknownDevice") : d.deviceId()),
                        day.toString(), SvgTimeline.day(report, d, day, language)));
            }
        }
        return rows;
    }

    /** A device's line of the devices table. */
    public record DeviceRow(String device, String officers, String clockOffset, int recordings, int findings,
                            long unexplainedGaps, String register) {

        static DeviceRow of(GapReport.Device d) {
            return new DeviceRow(shown(d.deviceId()), shown(String.join(", ", d.officers().stream()
                            .map(GapReport.Officer::label).toList())),
                    d.clockOffsetSeconds() == null ? null : ReportText.number(d.clockOffsetSeconds()), d.recordings().size(),
                    d.findings().size(), d.findings().stream().filter(f -> f.kind() == FindingKind.GAP && !f.explained()).count(),
                    d.registered() == null ? "" : shown(d.registered().label()));
        }
    }

    /** A finding's line: its kind in words, its times as people read them. */
    public record FindingRow(String rowClass, String id, String kind, String device, String start, String end,
                             String seconds, String recordings, String activity, boolean unexplained,
                             String explanation, String detail) {

        static FindingRow of(GapReport.Device d, GapReport.Finding f, ReportLanguage language) {
            boolean gap = f.kind() == FindingKind.GAP;
            return new FindingRow(f.explained() ? "explained" : gap ? "unexplained" : "finding", shown(f.id()),
                    language.kind(f.kind().name()), shown(d.deviceId()), ReportText.readable(f.start()),
                    ReportText.readable(f.end()), ReportText.number(f.seconds()), shown(String.join(", ", f.recordings())),
                    shown(f.activityId()), gap && !f.explained(),
                    f.explained() ? shown(HtmlReport.explanation(f.explanation(), language)) : "", shown(f.detail()));
        }
    }

    /** Every recording with its retention (docs/formats.md §12): class, category, hold, retain-until. */
    public record RecordingRow(String id, String file, String kind, String device, String start, String end,
                               String seconds, String status, String retentionClass, String retentionDetail) {

        static RecordingRow of(GapReport.Device d, GapReport.Recording r, ReportLanguage language) {
            GapReport.Retention t = r.retention();
            return new RecordingRow(r.id(), shown(r.file()), language.recordingKind(r.kind()), shown(d.deviceId()),
                    ReportText.readable(r.start()), ReportText.readable(r.end()), ReportText.number(r.durationSeconds()),
                    r.status(), t == null ? null : t.retentionClass(), ReportText.retentionDetail(t, language));
        }
    }

    /**
     * Names and notes come from stations and people: control and bidi characters are shown as escapes, never
     * passed on to reorder or hide the text around them (the engine escapes markup, not these).
     */
    private static String shown(String text) {
        return text == null ? null : DisplayText.escapeControls(text);
    }

    static String explanation(GapReport.Explanation e, ReportLanguage language) {
        StringBuilder b = new StringBuilder(e.reason() == null ? language.text("report.explained") : e.reason());
        if (e.note() != null && !e.note().isBlank()) {
            b.append(": ").append(e.note());
        }
        if (e.by() != null || e.at() != null) {
            b.append(" (");
            if (e.by() != null) {
                b.append(language.text("report.explainedBy", e.by()));
            }
            if (e.at() != null) {
                b.append(e.by() != null ? ", " : "").append(ReportText.readable(e.at()));
            }
            b.append(')');
        }
        return b.toString();
    }

    private static String scope(ReportFilter filter, ReportLanguage language) {
        String devices = filter.deviceId() == null ? language.text("report.scope.allDevices")
                : language.text("report.scope.device", filter.deviceId());
        if (!filter.timeBounded()) {
            return devices + ", " + language.text("report.scope.allTimes");
        }
        return devices + ", " + language.text("report.scope.range",
                filter.from() == null ? language.text("report.scope.beginning") : ReportText.readable(filter.from()),
                filter.to() == null ? language.text("report.scope.now") : ReportText.readable(filter.to()));
    }
}
