package footage.jobs.report;

import static footage.jobs.report.Markup.esc;

/**
 * The report as one self-contained page (inline CSS and SVG, nothing fetched): the timeline above a table of
 * devices and a table of every finding. Written as XHTML so that the PDF renderer can parse the very same page.
 */
final class HtmlReport {

    /** Family name the PDF renderer registers the CJK font under; browsers skip it and use their own. */
    static final String CJK_FAMILY = "footage-cjk";

    private static final String CSS = """
            @page { size: A4 landscape; margin: 12mm; }
            body { font-family: footage-cjk, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
                   font-size: 9pt; color: #222222; margin: 0; }
            h1 { font-size: 15pt; margin: 0 0 4pt 0; }
            h2 { font-size: 11pt; margin: 12pt 0 4pt 0; }
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

    private HtmlReport() {
    }

    static String render(GapReport report) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Gap report ").append(esc(ReportText.readable(report.generatedAt())))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Gap report</h1>\n");
        h.append("<p class=\"meta\">Generated ").append(esc(ReportText.readable(report.generatedAt())))
                .append(" · times are reference time in ").append(esc(report.zone().getId())).append(" · ")
                .append(esc(scope(report.filter()))).append("</p>\n");
        h.append("<p class=\"meta\">Ledger head <span class=\"hash\">").append(esc(report.ledgerHead())).append("</span></p>\n");
        long findings = report.devices().stream().mapToLong(d -> d.findings().size()).sum();
        long unexplained = report.devices().stream().flatMap(d -> d.findings().stream())
                .filter(f -> f.kind().equals("GAP") && !f.explained()).count();
        h.append("<p class=\"meta\">").append(report.devices().size()).append(" device(s), ")
                .append(report.devices().stream().mapToLong(d -> d.recordings().size()).sum()).append(" recording(s), ")
                .append(findings).append(" finding(s), ").append(unexplained).append(" unexplained gap(s)</p>\n");
        h.append("<h2>Timeline</h2>\n<div class=\"timeline\">\n").append(SvgTimeline.render(report)).append("</div>\n");
        devices(h, report);
        findings(h, report);
        recordings(h, report);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void devices(StringBuilder h, GapReport report) {
        h.append("<h2>Devices</h2>\n<table class=\"devices\">\n").append(columns(15, 35, 20, 10, 10, 10)).append("<thead><tr><th>Device</th><th>Officers</th>")
                .append("<th>Clock offset at newest dock (s)</th><th>Recordings</th><th>Findings</th>")
                .append("<th>Unexplained gaps</th></tr></thead>\n<tbody>\n");
        for (GapReport.Device d : report.devices()) {
            long gaps = d.findings().stream().filter(f -> f.kind().equals("GAP") && !f.explained()).count();
            h.append("<tr><td>").append(esc(d.deviceId())).append("</td><td>")
                    .append(esc(String.join(", ", d.officers().stream().map(GapReport.Officer::label).toList())))
                    .append("</td><td class=\"num\">").append(d.clockOffsetSeconds() == null ? "unknown"
                            : esc(ReportText.number(d.clockOffsetSeconds())))
                    .append("</td><td class=\"num\">").append(d.recordings().size())
                    .append("</td><td class=\"num\">").append(d.findings().size())
                    .append("</td><td class=\"num\">").append(gaps).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void findings(StringBuilder h, GapReport report) {
        h.append("<h2>Findings</h2>\n<table class=\"findings\">\n").append(columns(9, 10, 8, 8, 8, 5, 18, 7, 14, 13))
                .append("<thead><tr><th>Finding</th><th>Kind</th><th>Device</th>")
                .append("<th>Start</th><th>End</th><th>Seconds</th><th>Recordings</th><th>Activity</th>")
                .append("<th>Explanation</th><th>Detail</th></tr></thead>\n<tbody>\n");
        boolean any = false;
        for (GapReport.Device d : report.devices()) {
            for (GapReport.Finding f : d.findings()) {
                any = true;
                boolean gap = f.kind().equals("GAP");
                h.append("<tr class=\"").append(f.explained() ? "explained" : gap ? "unexplained" : "finding").append("\">")
                        .append(cell(f.id())).append(cell(f.kind())).append(cell(d.deviceId()))
                        .append("<td>").append(esc(ReportText.readable(f.start()))).append("</td>")
                        .append("<td>").append(esc(ReportText.readable(f.end()))).append("</td>")
                        .append("<td class=\"num\">").append(esc(ReportText.number(f.seconds()))).append("</td>")
                        .append(cell(String.join(", ", f.recordings()))).append(cell(f.activityId()));
                if (f.explained()) {
                    h.append(cell(explanation(f.explanation())));
                } else if (gap) {
                    h.append("<td><span class=\"unexplained\">unexplained</span></td>");
                } else {
                    h.append("<td></td>");
                }
                h.append(cell(f.detail())).append("</tr>\n");
            }
        }
        if (!any) {
            h.append("<tr><td colspan=\"10\">no findings</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Every recording with its retention (DESIGN §10): class, category, hold, retain-until. */
    private static void recordings(StringBuilder h, GapReport report) {
        h.append("<h2>Recordings and retention</h2>\n<table class=\"recordings\">\n").append(columns(6, 22, 10, 13, 13, 6, 9, 9, 12))
                .append("<thead><tr><th>Id</th><th>File</th><th>Device</th><th>Start</th><th>End</th><th>Seconds</th>")
                .append("<th>Status</th><th>Class</th><th>Category, hold, retain until</th></tr></thead>\n<tbody>\n");
        boolean any = false;
        for (GapReport.Device d : report.devices()) {
            for (GapReport.Recording r : d.recordings()) {
                any = true;
                GapReport.Retention t = r.retention();
                h.append("<tr>").append(cell(r.id())).append(cell(r.file())).append(cell(d.deviceId()))
                        .append("<td>").append(esc(ReportText.readable(r.start()))).append("</td>")
                        .append("<td>").append(esc(ReportText.readable(r.end()))).append("</td>")
                        .append("<td class=\"num\">").append(esc(ReportText.number(r.durationSeconds()))).append("</td>")
                        .append(cell(r.status())).append(cell(t == null ? null : t.retentionClass()))
                        .append(cell(ReportText.retentionDetail(t))).append("</tr>\n");
            }
        }
        if (!any) {
            h.append("<tr><td colspan=\"9\">no recordings</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    static String explanation(GapReport.Explanation e) {
        StringBuilder b = new StringBuilder(e.reason() == null ? "explained" : e.reason());
        if (e.note() != null && !e.note().isBlank()) {
            b.append(": ").append(e.note());
        }
        if (e.by() != null || e.at() != null) {
            b.append(" (");
            if (e.by() != null) {
                b.append("by ").append(e.by());
            }
            if (e.at() != null) {
                b.append(e.by() != null ? ", " : "").append(ReportText.readable(e.at()));
            }
            b.append(')');
        }
        return b.toString();
    }

    /** Fixed shares of the page width: the PDF renderer would otherwise squeeze ids and kinds into slivers. */
    private static String columns(int... percents) {
        StringBuilder b = new StringBuilder("<colgroup>");
        for (int p : percents) {
            b.append("<col style=\"width: ").append(p).append("%\"/>");
        }
        return b.append("</colgroup>\n").toString();
    }

    private static String cell(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    private static String scope(ReportFilter filter) {
        String devices = filter.deviceId() == null ? "all devices" : "device " + filter.deviceId();
        if (!filter.timeBounded()) {
            return devices + ", all times";
        }
        return devices + ", " + (filter.from() == null ? "the beginning" : ReportText.readable(filter.from()))
                + " to " + (filter.to() == null ? "now" : ReportText.readable(filter.to()));
    }
}
