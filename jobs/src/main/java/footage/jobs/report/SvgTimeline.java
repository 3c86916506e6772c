package footage.jobs.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static footage.jobs.report.Markup.esc;

/**
 * The report's timeline as inline SVG: one lane per device, recordings as bars, gaps over them (unexplained red,
 * explained hatched grey), other findings as markers; hover titles carry files and times. Colours are presentation
 * attributes, not CSS, because the PDF renderer draws the SVG without the page's style sheet.
 */
final class SvgTimeline {

    static final int LABEL_W = 200;
    static final int PLOT_W = 690;
    static final int UNKNOWN_W = 90;
    static final int LANE_H = 44;
    static final int AXIS_H = 34;
    static final int LEGEND_H = 30;
    static final double OVERVIEW_MIN_GAP = 3;
    static final double DETAIL_MIN_GAP = 8;
    static final String FONTS = "footage-cjk, 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

    private static final long[] STEPS = {1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
            43200, 86400, 172800, 604800, 2592000, 7776000, 31536000};
    private static final Map<String, String> MARKER_COLOURS = Map.of(
            "OVERLAP", "#9467bd", "DISCONTINUITY", "#8c564b", "DAMAGED", "#e377c2", "CLOCK_DRIFT", "#ff7f0e",
            "LATE_UPLOAD", "#17becf", "TIME_MISMATCH", "#bcbd22", "CLOCK_UNVERIFIED", "#7f7f7f",
            "TIME_UNREADABLE", "#393b79", "NO_AUDIO", "#637939", "AUDIO_SILENT", "#8c6d31");

    private static final String AUDIO_COLOUR = "#76b7b2";
    private static final String PHOTO_COLOUR = "#59a14f";

    private final GapReport report;
    private final ReportLanguage language;
    private final StringBuilder svg = new StringBuilder();
    private final double t0;
    private final double t1;
    private final boolean unknownColumn;
    /** The narrowest a gap is drawn: however short against the span shown, it stays visible. */
    private final double minGap;
    private final String cssClass;

    private SvgTimeline(GapReport report, ReportLanguage language, double[] window, double minGap, String cssClass,
                        boolean unknownColumn) {
        this.report = report;
        this.language = language;
        this.t0 = window[0];
        this.t1 = window[1];
        this.minGap = minGap;
        this.cssClass = cssClass;
        this.unknownColumn = unknownColumn;
    }

    /** The overview: every device over the whole span; each gap at least {@value #OVERVIEW_MIN_GAP} px wide. */
    static String render(GapReport report, ReportLanguage language) {
        boolean unplaced = report.devices().stream().flatMap(d -> d.recordings().stream()).anyMatch(r -> r.start() == null);
        return new SvgTimeline(report, language, range(report), OVERVIEW_MIN_GAP, "timeline overview", unplaced).draw();
    }

    /**
     * One device over one day of the report's zone, hours on the axis, each gap at least {@value #DETAIL_MIN_GAP} px
     * wide: a 10 s gap in a day of recordings is plain to see.
     */
    static String renderDay(GapReport report, GapReport.Device device, java.time.LocalDate day, ReportLanguage language) {
        GapReport one = new GapReport(report.generatedAt(), report.ledgerHead(), report.zone(), report.filter(),
                List.of(device));
        double from = day.atStartOfDay(report.zone()).toEpochSecond();
        double to = day.plusDays(1).atStartOfDay(report.zone()).toEpochSecond();
        return new SvgTimeline(one, language, new double[] {from, to}, DETAIL_MIN_GAP, "timeline detail", false).draw();
    }

    /** The days of the report's zone on which a device has a placed recording or finding, in order. */
    static java.util.SortedSet<java.time.LocalDate> days(GapReport report, GapReport.Device device) {
        java.util.SortedSet<java.time.LocalDate> days = new java.util.TreeSet<>();
        java.util.function.Consumer<OffsetDateTime[]> span = ts -> {
            if (ts[0] == null) {
                return;
            }
            java.time.LocalDate first = ts[0].atZoneSameInstant(report.zone()).toLocalDate();
            java.time.LocalDate last = (ts[1] == null ? ts[0] : ts[1]).atZoneSameInstant(report.zone()).toLocalDate();
            for (java.time.LocalDate d = first; !d.isAfter(last) && days.size() < 366; d = d.plusDays(1)) {
                days.add(d);
            }
        };
        device.recordings().forEach(r -> span.accept(new OffsetDateTime[] {r.start(), r.end()}));
        device.findings().forEach(f -> span.accept(new OffsetDateTime[] {f.start() != null ? f.start() : f.end(),
                f.end()}));
        return days;
    }

    private String draw() {
        int lanes = Math.max(1, report.devices().size());
        int width = LABEL_W + PLOT_W + (unknownColumn ? UNKNOWN_W : 0) + 10;
        // the key once, under the overview; the day pictures below it use the same shapes
        boolean legend = cssClass.endsWith("overview");
        int height = AXIS_H + lanes * LANE_H + (legend ? LEGEND_H : 6);
        // the window and the plot's place, for the console's zoom (drag across the plot, or give two times)
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass).append("\" data-t0=\"")
                .append((long) Math.floor(t0)).append("\" data-t1=\"").append((long) Math.ceil(t1))
                .append("\" data-plot-x=\"").append(LABEL_W).append("\" data-plot-w=\"").append(PLOT_W)
                .append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"").append(esc(FONTS)).append("\" font-size=\"11\">\n");
        svg.append("<defs><pattern id=\"explained-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">")
                .append("<rect width=\"6\" height=\"6\" fill=\"#d9d9d9\"/>")
                .append("<path d=\"M0,6 L6,0\" stroke=\"#707070\" stroke-width=\"1.2\"/></pattern></defs>\n");
        axis(lanes);
        if (report.devices().isEmpty()) {
            text(LABEL_W + 10, AXIS_H + 26, language.text("report.svg.empty"), "empty", "");
        }
        for (int i = 0; i < report.devices().size(); i++) {
            lane(i, report.devices().get(i));
        }
        if (legend) {
            legend(AXIS_H + lanes * LANE_H + 8);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void axis(int lanes) {
        ZoneOffset offset = report.zone().getRules().getOffset(Instant.ofEpochSecond((long) t0));
        text(6, 14, language.text("report.svg.axis", report.zone().getId() + " (" + offset.getId() + ")"), "axis-title", "");
        long span = (long) Math.ceil(t1 - t0);
        long step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (span / s <= 8) {
                step = s;
                break;
            }
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern(step >= 86400 ? "uuuu-MM-dd"
                : step < 60 ? "HH:mm:ss" : span < 86400 ? "HH:mm" : "MM-dd HH:mm", Locale.ROOT);
        int bottom = AXIS_H + lanes * LANE_H;
        // ticks on round local times: 09:00, not 08:57:13
        long local = (long) Math.floor(t0) + offset.getTotalSeconds();
        long first = (local / step + (local % step == 0 ? 0 : 1)) * step - offset.getTotalSeconds();
        for (long t = first, n = 0; t <= t1 && n < 60; t += step, n++) {
            double x = x(t);
            svg.append("<line class=\"tick\" x1=\"").append(f(x)).append("\" y1=\"").append(AXIS_H - 6)
                    .append("\" x2=\"").append(f(x)).append("\" y2=\"").append(bottom)
                    .append("\" stroke=\"#d0d0d0\" stroke-width=\"0.6\"/>\n");
            String when = OffsetDateTime.ofInstant(Instant.ofEpochSecond(t), report.zone()).format(label);
            svg.append("<text class=\"tick-label\" x=\"").append(f(x)).append("\" y=\"").append(AXIS_H - 9)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555555\">").append(esc(when)).append("</text>\n");
        }
        if (unknownColumn) {
            text(LABEL_W + PLOT_W + 16, AXIS_H - 9, language.text("report.svg.timeUnknown"), "unknown-title", "");
        }
    }

    private void lane(int index, GapReport.Device device) {
        int top = AXIS_H + index * LANE_H;
        int width = LABEL_W + PLOT_W + (unknownColumn ? UNKNOWN_W : 0) + 10;
        svg.append("<rect class=\"lane\" x=\"0\" y=\"").append(top).append("\" width=\"").append(width)
                .append("\" height=\"").append(LANE_H).append("\" fill=\"").append(index % 2 == 0 ? "#f5f5f5" : "#ffffff")
                .append("\" fill-opacity=\"0.6\"/>\n");
        String officers = String.join(", ", device.officers().stream().map(GapReport.Officer::label).toList());
        text(6, top + 17, device.deviceId() == null ? language.text("report.unknownDevice") : device.deviceId(), "device",
                " font-size=\"12\" font-weight=\"bold\"");
        text(6, top + 33, clip(officers, 30), "officers", " font-size=\"11\" fill=\"#444444\"", officers);
        List<GapReport.Recording> unplaced = new ArrayList<>();
        for (GapReport.Recording r : device.recordings()) {
            if (r.start() == null) {
                unplaced.add(r);
                continue;
            }
            if (!shown(r.start(), r.end())) {
                continue;
            }
            if (r.photo()) {
                // an instant, not a stretch of recording: a dot under the bars, never a bar that would hide a gap
                svg.append("<circle class=\"photo\" cx=\"").append(f(x(r.start()))).append("\" cy=\"").append(top + 38)
                        .append("\" r=\"3.5\" fill=\"").append(PHOTO_COLOUR).append("\" stroke=\"#222222\" stroke-width=\"0.5\">")
                        .append("<title>").append(esc(recordingTitle(r))).append("</title></circle>\n");
                continue;
            }
            OffsetDateTime end = r.end() != null ? r.end() : r.start();
            double x0 = x(r.start());
            double x1 = x(end);
            // told apart by shape as well as colour (colour-blind readers, grey print): sound is a thinner bar,
            // damage a dashed outline
            boolean sound = "AUDIO".equals(r.kind());
            String outline = "ARCHIVED".equals(r.status()) ? ""
                    : " stroke=\"#7f3b08\" stroke-width=\"1.2\" stroke-dasharray=\"3,2\"";
            bar("recording", x0, top + (sound ? 17 : 12), Math.max(1.5, x1 - x0), sound ? 10 : 20,
                    fill(colour(r)) + outline, recordingTitle(r));
        }
        double slot = unplaced.isEmpty() ? 0 : Math.min(14, (UNKNOWN_W - 24) / (double) unplaced.size());
        for (int i = 0; i < unplaced.size(); i++) {
            GapReport.Recording r = unplaced.get(i);
            bar("recording", LABEL_W + PLOT_W + 16 + i * slot, top + 12, Math.max(1, slot - 2), 20, fill(colour(r)),
                    recordingTitle(r));
        }
        for (GapReport.Finding f : device.findings()) {
            if (f.start() == null && f.end() == null) {
                continue; // nowhere to put it; the table lists it
            }
            OffsetDateTime start = f.start() != null ? f.start() : f.end();
            OffsetDateTime end = f.end() != null ? f.end() : f.start();
            if (!shown(start, end)) {
                continue;
            }
            if (f.kind().equals("GAP")) {
                double x0 = x(start);
                double x1 = x(end);
                double w = Math.max(minGap, x1 - x0);
                // widened around its middle, never off the plot
                double left = Math.max(LABEL_W, Math.min(LABEL_W + PLOT_W - w, (x0 + x1) / 2 - w / 2));
                bar(f.explained() ? "gap explained" : "gap unexplained", left, top + 6, w, LANE_H - 12,
                        f.explained() ? fill("url(#explained-hatch)") + " stroke=\"#606060\" stroke-width=\"0.8\""
                                : fill("#d62728") + " fill-opacity=\"0.85\"",
                        findingTitle(f));
            } else {
                double x = x(start);
                svg.append("<path class=\"marker ").append(f.kind().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .append("\" d=\"M").append(f(x - 5)).append(',').append(top + 1).append(" L").append(f(x + 5))
                        .append(',').append(top + 1).append(" L").append(f(x)).append(',').append(top + 10)
                        .append(" Z\" fill=\"").append(MARKER_COLOURS.getOrDefault(f.kind(), "#333333"))
                        .append("\" stroke=\"#222222\" stroke-width=\"0.5\"><title>").append(esc(findingTitle(f)))
                        .append("</title></path>\n");
            }
        }
    }

    private void legend(int y) {
        // from the left edge: with sound and photos the legend is wider than the plot
        double x = 6;
        x = legendItem(x, y, "#4e79a7", language.text("report.svg.recording"));
        x = legendItem(x, y, AUDIO_COLOUR, language.text("report.svg.sound"));
        x = legendItem(x, y, "#f28e2b", language.text("report.svg.damaged"));
        svg.append("<circle class=\"legend\" cx=\"").append(f(x + 6)).append("\" cy=\"").append(y + 6)
                .append("\" r=\"3.5\" fill=\"").append(PHOTO_COLOUR).append("\" stroke=\"#222222\" stroke-width=\"0.5\"/>\n");
        String photo = language.text("report.svg.photo");
        text(x + 16, y + 10, photo, "legend", "");
        x += 16 + width(photo) + 16;
        x = legendItem(x, y, "#d62728", language.text("report.svg.unexplainedGap"));
        x = legendItem(x, y, "url(#explained-hatch)", language.text("report.svg.explainedGap"));
        svg.append("<path class=\"legend\" d=\"M").append(f(x + 1)).append(',').append(y + 2).append(" L").append(f(x + 11))
                .append(',').append(y + 2).append(" L").append(f(x + 6)).append(',').append(y + 11)
                .append(" Z\" fill=\"#9467bd\" stroke=\"#222222\" stroke-width=\"0.5\"/>\n");
        text(x + 16, y + 10, language.text("report.svg.otherFinding"), "legend", "");
    }

    private double legendItem(double x, int y, String fill, String label) {
        svg.append("<rect class=\"legend\" x=\"").append(f(x)).append("\" y=\"").append(y).append("\" width=\"14\" height=\"12\" fill=\"")
                .append(fill).append("\" stroke=\"#606060\" stroke-width=\"0.5\"/>\n");
        text(x + 18, y + 10, label, "legend", "");
        return x + 18 + width(label) + 16;
    }

    /** About how wide a label is drawn at 11 px: Chinese characters take about twice a Latin letter. */
    private static double width(String label) {
        return label.codePoints().mapToDouble(c -> c > 0x2E80 ? 11 : 6.2).sum();
    }

    /** @param paint presentation attributes, e.g. {@code fill="#d62728"} */
    private void bar(String cssClass, double x, int y, double w, int h, String paint, String title) {
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(f(x)).append("\" y=\"").append(y)
                .append("\" width=\"").append(f(w)).append("\" height=\"").append(h).append("\" ").append(paint)
                .append("><title>").append(esc(title)).append("</title></rect>\n");
    }

    private static String fill(String colour) {
        return "fill=\"" + colour + "\"";
    }

    private void text(double x, int y, String content, String cssClass, String attributes) {
        text(x, y, content, cssClass, attributes, null);
    }

    private void text(double x, int y, String content, String cssClass, String attributes, String title) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(f(x)).append("\" y=\"").append(y).append('"')
                .append(attributes).append('>');
        if (title != null && !title.equals(content)) {
            svg.append("<title>").append(esc(title)).append("</title>");
        }
        svg.append(esc(content)).append("</text>\n");
    }

    private static String colour(GapReport.Recording r) {
        if (!"ARCHIVED".equals(r.status())) {
            return "#f28e2b";
        }
        return "AUDIO".equals(r.kind()) ? AUDIO_COLOUR : "#4e79a7";
    }

    private String recordingTitle(GapReport.Recording r) {
        String when = r.start() == null ? language.text("report.svg.timeNotPlaced")
                : ReportText.readable(r.start()) + " – " + ReportText.readable(r.end());
        if (r.photo()) {
            return r.file() + "\n" + language.recordingKind("PHOTO") + ", " + (r.start() == null
                    ? language.text("report.svg.timeNotPlaced")
                    : ReportText.readable(r.start())) + "\n" + r.status() + ", sha256 " + r.sha256();
        }
        return r.file() + "\n" + when + "\n" + ReportText.number(r.durationSeconds()) + " s, "
                + ("AUDIO".equals(r.kind()) ? language.text("report.svg.sound") + ", " : "") + r.status() + ", sha256 "
                + r.sha256();
    }

    private String findingTitle(GapReport.Finding f) {
        StringBuilder t = new StringBuilder(language.kind(f.kind())).append(" · ").append(f.kind());
        if (f.kind().equals("GAP")) {
            t.append(" (").append(language.text(f.explained() ? "report.explained" : "report.unexplained")).append(')');
        }
        t.append('\n').append(ReportText.readable(f.start())).append(" – ").append(ReportText.readable(f.end()));
        if (f.seconds() != null) {
            t.append(" (").append(ReportText.number(f.seconds())).append(" s)");
        }
        if (!f.recordings().isEmpty()) {
            t.append('\n').append(String.join(", ", f.recordings()));
        }
        if (f.activityId() != null) {
            t.append('\n').append(language.text("report.activity")).append(' ').append(f.activityId());
        }
        if (f.explained()) {
            t.append('\n').append(HtmlReport.explanation(f.explanation(), language));
        }
        if (f.detail() != null && !f.detail().isBlank()) {
            t.append('\n').append(f.detail());
        }
        return t.toString();
    }

    /** Cuts a label to about {@code units} Latin-letter widths; Chinese characters count double. */
    private static String clip(String s, int units) {
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            used += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 2 : 1;
            if (used > units) {
                return s.substring(0, i) + "…";
            }
            i += Character.charCount(cp);
        }
        return s;
    }

    /** Whether a stretch (or an instant) lies at least partly in the window shown. */
    private boolean shown(OffsetDateTime start, OffsetDateTime end) {
        double from = start.toEpochSecond();
        double to = (end == null ? start : end).toEpochSecond();
        return to >= t0 && from <= t1;
    }

    private double x(OffsetDateTime t) {
        return x(t.toInstant().getEpochSecond() + t.getNano() / 1e9);
    }

    private double x(double epochSeconds) {
        double x = LABEL_W + (epochSeconds - t0) / (t1 - t0) * PLOT_W;
        return Math.max(LABEL_W, Math.min(LABEL_W + PLOT_W, x));
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The window shown: the filter's, else everything placed, with a little room at both ends. */
    private static double[] range(GapReport report) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (GapReport.Device d : report.devices()) {
            for (GapReport.Recording r : d.recordings()) {
                for (OffsetDateTime t : new OffsetDateTime[] {r.start(), r.end()}) {
                    if (t != null) {
                        min = Math.min(min, t.toEpochSecond());
                        max = Math.max(max, t.toEpochSecond());
                    }
                }
            }
            for (GapReport.Finding f : d.findings()) {
                for (OffsetDateTime t : new OffsetDateTime[] {f.start(), f.end()}) {
                    if (t != null) {
                        min = Math.min(min, t.toEpochSecond());
                        max = Math.max(max, t.toEpochSecond());
                    }
                }
            }
        }
        if (min > max) {
            max = report.generatedAt().toEpochSecond();
            min = max - 3600;
        }
        double pad = Math.max(30, (max - min) * 0.02);
        double t0 = report.filter().from() != null ? report.filter().from().toEpochSecond() : min - pad;
        double t1 = report.filter().to() != null ? report.filter().to().toEpochSecond() : max + pad;
        if (t1 - t0 < 60) {
            t1 = t0 + 60;
        }
        return new double[] {t0, t1};
    }
}
