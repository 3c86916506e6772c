package footage.jobs.report;

import footage.pipeline.continuity.FindingKind;
import footage.pipeline.text.DisplayText;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The geometry of the report's timeline: one lane per device, recordings as bars, gaps over them (unexplained red,
 * explained hatched grey), other findings as markers; hover titles carry files and times. Only places, sizes and
 * words are worked out here; the template {@code templates/report/timeline.xhtml} writes them as SVG, for the report
 * and for the console alike. Colours are presentation attributes, not CSS, because the PDF renderer draws the SVG
 * without the page's style sheet.
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
    private static final Map<String, String> MARKER_COLOURS = Map.ofEntries(
            Map.entry("OVERLAP", "#9467bd"), Map.entry("DISCONTINUITY", "#8c564b"), Map.entry("DAMAGED", "#e377c2"),
            Map.entry("CLOCK_DRIFT", "#ff7f0e"), Map.entry("LATE_UPLOAD", "#17becf"), Map.entry("TIME_MISMATCH", "#bcbd22"),
            Map.entry("CLOCK_UNVERIFIED", "#7f7f7f"), Map.entry("TIME_UNREADABLE", "#393b79"), Map.entry("NO_AUDIO", "#637939"),
            Map.entry("AUDIO_SILENT", "#8c6d31"), Map.entry("UNKNOWN_DEVICE", "#843c39"), Map.entry("DEVICE_LENT", "#d6616b"),
            Map.entry("DAMAGE_NOT_REPORTED", "#ad494a"), Map.entry("RETIRED_DEVICE_USED", "#7b4173"));

    private static final String AUDIO_COLOUR = "#76b7b2";
    private static final String PHOTO_COLOUR = "#59a14f";

    /**
     * One picture: its window ({@code t0}, {@code t1}, epoch seconds) and the plot's place are written on the SVG for
     * the console's zoom (drag across the plot, or give two times); its parts in drawing order, later over earlier.
     */
    public record Picture(String cssClass, long t0, long t1, int plotX, int plotW, int width, int height, String fonts,
                   List<Part> parts) {
    }

    /**
     * One element of the picture. {@code shape} is the SVG element: rect, circle (x, y the centre, width the radius),
     * path ({@code d}), line (x, y to x + width, y + height) or text ({@code label} at x, y); {@code title} is the
     * hover text, none when null.
     */
    public record Part(String shape, String cssClass, double x, double y, double width, double height, String d, Paint paint,
                Text text, String label, String title) {

        public double x2() {
            return x + width;
        }

        public double y2() {
            return y + height;
        }
    }

    /** Presentation attributes; a null one is left out. */
    public record Paint(String fill, String fillOpacity, String stroke, String strokeWidth, String dashes) {
    }

    /** How a label is set; a null attribute is left out. */
    public record Text(String fontSize, String fontWeight, String fill, String anchor) {

        static final Text PLAIN = new Text(null, null, null, null);
    }

    private final GapReport report;
    private final ReportLanguage language;
    private final List<Part> parts = new ArrayList<>();
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
    static Picture overview(GapReport report, ReportLanguage language) {
        boolean unplaced = report.devices().stream().flatMap(d -> d.recordings().stream()).anyMatch(r -> r.start() == null);
        return new SvgTimeline(report, language, range(report), OVERVIEW_MIN_GAP, "timeline overview", unplaced).draw();
    }

    /**
     * One device over one day of the report's zone, hours on the axis, each gap at least {@value #DETAIL_MIN_GAP} px
     * wide: a 10 s gap in a day of recordings is plain to see.
     */
    static Picture day(GapReport report, GapReport.Device device, LocalDate day, ReportLanguage language) {
        GapReport one = new GapReport(report.generatedAt(), report.ledgerHead(), report.zone(), report.filter(),
                List.of(device));
        double from = day.atStartOfDay(report.zone()).toEpochSecond();
        double to = day.plusDays(1).atStartOfDay(report.zone()).toEpochSecond();
        return new SvgTimeline(one, language, new double[] {from, to}, DETAIL_MIN_GAP, "timeline detail", false).draw();
    }

    /** The days of the report's zone on which a device has a placed recording or finding, in order. */
    static SortedSet<LocalDate> days(GapReport report, GapReport.Device device) {
        SortedSet<LocalDate> days = new TreeSet<>();
        Consumer<OffsetDateTime[]> span = ts -> {
            if (ts[0] == null) {
                return;
            }
            LocalDate first = ts[0].atZoneSameInstant(report.zone()).toLocalDate();
            LocalDate last = (ts[1] == null ? ts[0] : ts[1]).atZoneSameInstant(report.zone()).toLocalDate();
            for (LocalDate d = first; !d.isAfter(last) && days.size() < 366; d = d.plusDays(1)) {
                days.add(d);
            }
        };
        device.recordings().forEach(r -> span.accept(new OffsetDateTime[] {r.start(), r.end()}));
        device.findings().forEach(f -> span.accept(new OffsetDateTime[] {f.start() != null ? f.start() : f.end(),
                f.end()}));
        return days;
    }

    private Picture draw() {
        int lanes = Math.max(1, report.devices().size());
        int width = width();
        // the key once, under the overview; the day pictures below it use the same shapes
        boolean legend = cssClass.endsWith("overview");
        int height = AXIS_H + lanes * LANE_H + (legend ? LEGEND_H : 6);
        axis(lanes);
        if (report.devices().isEmpty()) {
            text(LABEL_W + 10, AXIS_H + 26, language.text("report.svg.empty"), "empty", Text.PLAIN, null);
        }
        for (int i = 0; i < report.devices().size(); i++) {
            lane(i, report.devices().get(i));
        }
        if (legend) {
            legend(AXIS_H + lanes * LANE_H + 8);
        }
        return new Picture(cssClass, (long) Math.floor(t0), (long) Math.ceil(t1), LABEL_W, PLOT_W, width, height, FONTS,
                List.copyOf(parts));
    }

    private int width() {
        return LABEL_W + PLOT_W + (unknownColumn ? UNKNOWN_W : 0) + 10;
    }

    private void axis(int lanes) {
        ZoneOffset offset = report.zone().getRules().getOffset(Instant.ofEpochSecond((long) t0));
        text(6, 14, language.text("report.svg.axis", report.zone().getId() + " (" + offset.getId() + ")"), "axis-title",
                Text.PLAIN, null);
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
            parts.add(new Part("line", "tick", px(x), AXIS_H - 6, 0, bottom - (AXIS_H - 6), null,
                    new Paint(null, null, "#d0d0d0", "0.6", null), null, null, null));
            String when = OffsetDateTime.ofInstant(Instant.ofEpochSecond(t), report.zone()).format(label);
            text(x, AXIS_H - 9, when, "tick-label", new Text("10", null, "#555555", "middle"), null);
        }
        if (unknownColumn) {
            text(LABEL_W + PLOT_W + 16, AXIS_H - 9, language.text("report.svg.timeUnknown"), "unknown-title", Text.PLAIN,
                    null);
        }
    }

    private void lane(int index, GapReport.Device device) {
        int top = AXIS_H + index * LANE_H;
        parts.add(new Part("rect", "lane", 0, top, width(), LANE_H, null,
                new Paint(index % 2 == 0 ? "#f5f5f5" : "#ffffff", "0.6", null, null, null), null, null, null));
        String officers = shown(String.join(", ", device.officers().stream().map(GapReport.Officer::label).toList()));
        text(6, top + 17, device.deviceId() == null ? language.text("report.unknownDevice") : shown(device.deviceId()),
                "device", new Text("12", "bold", null, null), null);
        String clipped = clip(officers, 30);
        text(6, top + 33, clipped, "officers", new Text("11", null, "#444444", null),
                clipped.equals(officers) ? null : officers);
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
                parts.add(new Part("circle", "photo", px(x(r.start())), top + 38, 3.5, 0, null,
                        new Paint(PHOTO_COLOUR, null, "#222222", "0.5", null), null, null, recordingTitle(r)));
                continue;
            }
            OffsetDateTime end = r.end() != null ? r.end() : r.start();
            double x0 = x(r.start());
            double x1 = x(end);
            // told apart by shape as well as colour (colour-blind readers, grey print): sound is a thinner bar,
            // damage a dashed outline
            boolean sound = "AUDIO".equals(r.kind());
            Paint paint = "ARCHIVED".equals(r.status()) ? new Paint(colour(r), null, null, null, null)
                    : new Paint(colour(r), null, "#7f3b08", "1.2", "3,2");
            bar("recording", x0, top + (sound ? 17 : 12), Math.max(1.5, x1 - x0), sound ? 10 : 20, paint,
                    recordingTitle(r));
        }
        double slot = unplaced.isEmpty() ? 0 : Math.min(14, (UNKNOWN_W - 24) / (double) unplaced.size());
        for (int i = 0; i < unplaced.size(); i++) {
            GapReport.Recording r = unplaced.get(i);
            bar("recording", LABEL_W + PLOT_W + 16 + i * slot, top + 12, Math.max(1, slot - 2), 20,
                    new Paint(colour(r), null, null, null, null), recordingTitle(r));
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
            if (f.kind() == FindingKind.GAP) {
                double x0 = x(start);
                double x1 = x(end);
                double w = Math.max(minGap, x1 - x0);
                // widened around its middle, never off the plot
                double left = Math.max(LABEL_W, Math.min(LABEL_W + PLOT_W - w, (x0 + x1) / 2 - w / 2));
                bar(f.explained() ? "gap explained" : "gap unexplained", left, top + 6, w, LANE_H - 12,
                        f.explained() ? new Paint("url(#explained-hatch)", null, "#606060", "0.8", null)
                                : new Paint("#d62728", "0.85", null, null, null),
                        findingTitle(f));
            } else {
                double x = x(start);
                parts.add(new Part("path", "marker " + f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), px(x), top, 0, 0,
                        triangle(x, top + 1), new Paint(MARKER_COLOURS.getOrDefault(f.kind().name(), "#333333"), null, "#222222",
                        "0.5", null), null, null, findingTitle(f)));
            }
        }
    }

    /** A small downward triangle with its tip at x: the marker of a finding that is a moment, not a stretch. */
    private static String triangle(double x, int top) {
        return "M" + f(x - 5) + "," + top + " L" + f(x + 5) + "," + top + " L" + f(x) + "," + (top + 9) + " Z";
    }

    private void legend(int y) {
        // from the left edge: with sound and photos the legend is wider than the plot
        double x = 6;
        x = legendItem(x, y, "#4e79a7", language.text("report.svg.recording"));
        x = legendItem(x, y, AUDIO_COLOUR, language.text("report.svg.sound"));
        x = legendItem(x, y, "#f28e2b", language.text("report.svg.damaged"));
        parts.add(new Part("circle", "legend", px(x + 6), y + 6, 3.5, 0, null,
                new Paint(PHOTO_COLOUR, null, "#222222", "0.5", null), null, null, null));
        String photo = language.text("report.svg.photo");
        text(x + 16, y + 10, photo, "legend", Text.PLAIN, null);
        x += 16 + width(photo) + 16;
        x = legendItem(x, y, "#d62728", language.text("report.svg.unexplainedGap"));
        x = legendItem(x, y, "url(#explained-hatch)", language.text("report.svg.explainedGap"));
        parts.add(new Part("path", "legend", px(x + 6), y, 0, 0,
                "M" + f(x + 1) + "," + (y + 2) + " L" + f(x + 11) + "," + (y + 2) + " L" + f(x + 6) + "," + (y + 11) + " Z",
                new Paint("#9467bd", null, "#222222", "0.5", null), null, null, null));
        text(x + 16, y + 10, language.text("report.svg.otherFinding"), "legend", Text.PLAIN, null);
    }

    private double legendItem(double x, int y, String fill, String label) {
        parts.add(new Part("rect", "legend", px(x), y, 14, 12, null, new Paint(fill, null, "#606060", "0.5", null), null,
                null, null));
        text(x + 18, y + 10, label, "legend", Text.PLAIN, null);
        return x + 18 + width(label) + 16;
    }

    /** About how wide a label is drawn at 11 px: Chinese characters take about twice a Latin letter. */
    private static double width(String label) {
        return label.codePoints().mapToDouble(c -> c > 0x2E80 ? 11 : 6.2).sum();
    }

    private void bar(String cssClass, double x, int y, double w, int h, Paint paint, String title) {
        parts.add(new Part("rect", cssClass, px(x), y, px(w), h, null, paint, null, null, title));
    }

    private void text(double x, int y, String label, String cssClass, Text text, String title) {
        parts.add(new Part("text", cssClass, px(x), y, 0, 0, null, null, text, label, title));
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
            return shown(r.file()) + "\n" + language.recordingKind("PHOTO") + ", " + (r.start() == null
                    ? language.text("report.svg.timeNotPlaced")
                    : ReportText.readable(r.start())) + "\n" + r.status() + ", sha256 " + r.sha256();
        }
        return shown(r.file()) + "\n" + when + "\n" + ReportText.number(r.durationSeconds()) + " s, "
                + ("AUDIO".equals(r.kind()) ? language.text("report.svg.sound") + ", " : "") + r.status() + ", sha256 "
                + r.sha256();
    }

    private String findingTitle(GapReport.Finding f) {
        StringBuilder t = new StringBuilder(language.kind(f.kind().name())).append(" · ").append(f.kind());
        if (f.kind() == FindingKind.GAP) {
            t.append(" (").append(language.text(f.explained() ? "report.explained" : "report.unexplained")).append(')');
        }
        t.append('\n').append(ReportText.readable(f.start())).append(" – ").append(ReportText.readable(f.end()));
        if (f.seconds() != null) {
            t.append(" (").append(ReportText.number(f.seconds())).append(" s)");
        }
        if (!f.recordings().isEmpty()) {
            t.append('\n').append(shown(String.join(", ", f.recordings())));
        }
        if (f.activityId() != null) {
            t.append('\n').append(language.text("report.activity")).append(' ').append(shown(f.activityId()));
        }
        if (f.explained()) {
            t.append('\n').append(shown(HtmlReport.explanation(f.explanation(), language)));
        }
        if (f.detail() != null && !f.detail().isBlank()) {
            t.append('\n').append(shown(f.detail()));
        }
        return t.toString();
    }

    /**
     * Names and notes come from stations and people: control and bidi characters are shown as escapes (the lines of
     * a title are ours), never passed on to reorder or hide the text around them; the engine escapes markup only.
     */
    private static String shown(String text) {
        return text == null ? null : DisplayText.escapeControls(text);
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

    /** A tenth of a pixel is as fine as anyone sees; the SVG stays short. */
    private static double px(double v) {
        return Math.round(v * 10) / 10.0;
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
