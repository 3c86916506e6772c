package footage.jobs.report;

import footage.jobs.FootageProperties;
import footage.jobs.csv.Csv;
import footage.jobs.devices.Officers;
import footage.jobs.ledger.Ledger;
import footage.pipeline.continuity.FindingKind;
import footage.pipeline.text.DisplayText;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The supervision report of Art. 19: per officer for a month — enforcement activities, those without footage, how much
 * of the activities' windows was recorded, unexplained gaps (count and minutes), late uploads (Art. 13), damaged
 * recordings, clock drift incidents and explanations filed — and the bureau's total. A finding counts for the officer
 * of its recording, else of its dump; an activity for every officer it names.
 */
@Component
public class SupervisionReports {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Officers officerUnits;
    private final ZoneId zone;
    private final ReportProperties properties;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final ReportTemplates templates;

    SupervisionReports(JdbcClient jdbc, Ledger ledger, Officers officerUnits, ReportProperties properties, FootageProperties footage,
                       MessageSource messages, PdfRenderer pdf) {
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.officerUnits = officerUnits;
        this.zone = properties.zoneOr(footage.deviceZone());
        this.properties = properties;
        this.messages = messages;
        this.templates = new ReportTemplates(messages);
    }

    /**
     * One officer's (or the total's) figures for the month.
     *
     * @param coveragePercent recorded share of the activities' windows, weighted by their length; null without
     *                        analysed activities
     */
    public record Figures(String officerId, String officerName, int activities, int activitiesWithoutFootage,
                          Double coveragePercent, int unexplainedGaps, double unexplainedGapMinutes, int lateUploads,
                          int damagedRecordings, int clockDrifts, int explanationsFiled) {
    }

    /**
     * @param total   the bureau's figures (officerId null)
     * @param history the bureau's figures of the {@value #HISTORY} months up to and including this one, oldest first:
     *                the month-over-month chart
     */
    public record Report(YearMonth month, ZoneId zone, OffsetDateTime generatedAt, String ledgerHead,
                         List<Figures> officers, List<UnitFigures> units, Figures total, Map<YearMonth, Figures> history) {
    }

    /**
     * One unit's figures: the sum of its officers' (an activity of two officers of one unit counts twice, as in the
     * total). Officers not in the officers list ({@code footage officers import}) are summed under {@code unit} null.
     */
    public record UnitFigures(String unit, int officers, Figures figures) {
    }

    /** Months the chart looks back over, this one included. */
    static final int HISTORY = 6;

    /** The zone the months and times are read in. */
    public ZoneId zone() {
        return zone;
    }

    @Transactional(readOnly = true)
    public Report month(YearMonth month) {
        Report report = figures(month);
        Map<YearMonth, Figures> history = new java.util.LinkedHashMap<>();
        for (int back = HISTORY - 1; back > 0; back--) {
            history.put(month.minusMonths(back), figures(month.minusMonths(back)).total());
        }
        history.put(month, report.total());
        return new Report(report.month(), report.zone(), report.generatedAt(), report.ledgerHead(), report.officers(),
                report.units(), report.total(), history);
    }

    private Report figures(YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        String head = ledger.headHash();
        Map<String, Tally> byOfficer = new TreeMap<>();
        jdbc.sql("SELECT officers, start_at, end_at, coverage_percent FROM activities WHERE start_at >= ? AND start_at < ?")
                .params(from, to)
                .query((rs, n) -> {
                    double seconds = Duration.between(rs.getObject("start_at", OffsetDateTime.class),
                            rs.getObject("end_at", OffsetDateTime.class)).toSeconds();
                    Double coverage = rs.getObject("coverage_percent", Double.class);
                    for (String officer : split(rs.getString("officers"))) {
                        byOfficer.computeIfAbsent(officer, Tally::new).activity(seconds, coverage);
                    }
                    return null;
                }).list();
        jdbc.sql("SELECT f.kind, COALESCE(r.officer_id, d.officer_id) AS officer_id, f.seconds, f.explanation_reason, f.explained_at "
                        + "FROM findings f LEFT JOIN recordings r ON r.id = f.recording_id LEFT JOIN dumps d ON d.id = f.dump_id "
                        + "WHERE f.superseded_at IS NULL AND f.kind IN ('GAP', 'LATE_UPLOAD', 'CLOCK_DRIFT') "
                        + "AND COALESCE(f.start_at, f.end_at) >= ? AND COALESCE(f.start_at, f.end_at) < ?")
                .params(from, to)
                .query((rs, n) -> {
                    String officer = rs.getString("officer_id");
                    if (officer != null) {
                        byOfficer.computeIfAbsent(officer, Tally::new).finding(FindingKind.valueOf(rs.getString("kind")),
                                rs.getObject("seconds", Double.class), rs.getString("explanation_reason") != null);
                    }
                    return null;
                }).list();
        jdbc.sql("SELECT COALESCE(r.officer_id, d.officer_id) AS officer_id FROM findings f LEFT JOIN recordings r ON r.id = f.recording_id "
                        + "LEFT JOIN dumps d ON d.id = f.dump_id WHERE f.explained_at >= ? AND f.explained_at < ?")
                .params(from, to)
                .query((rs, n) -> {
                    String officer = rs.getString("officer_id");
                    if (officer != null) {
                        byOfficer.computeIfAbsent(officer, Tally::new).explanationsFiled++;
                    }
                    return null;
                }).list();
        jdbc.sql("SELECT officer_id FROM recordings WHERE status = 'DAMAGED' AND corrected_start >= ? AND corrected_start < ?")
                .params(from, to)
                .query((rs, n) -> {
                    String officer = rs.getString("officer_id");
                    if (officer != null) {
                        byOfficer.computeIfAbsent(officer, Tally::new).damaged++;
                    }
                    return null;
                }).list();
        Map<String, String> names = new TreeMap<>();
        jdbc.sql("SELECT officer_id, officer_name FROM dumps WHERE officer_id IS NOT NULL AND officer_name IS NOT NULL ORDER BY id")
                .query((rs, n) -> names.put(rs.getString("officer_id"), rs.getString("officer_name"))).list();
        List<Figures> officers = byOfficer.values().stream().map(t -> t.figures(names.get(t.officer))).toList();
        Tally total = new Tally(null);
        byOfficer.values().forEach(total::add);
        Map<String, String> unitOf = officerUnits.units();
        Map<String, Tally> byUnit = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        Map<String, Integer> officersOf = new java.util.HashMap<>();
        for (Tally t : byOfficer.values()) {
            String unit = unitOf.get(t.officer);
            byUnit.computeIfAbsent(unit, Tally::new).add(t);
            officersOf.merge(unit, 1, Integer::sum);
        }
        List<UnitFigures> units = byUnit.entrySet().stream()
                .map(e -> new UnitFigures(e.getKey(), officersOf.get(e.getKey()), e.getValue().figures(null))).toList();
        return new Report(month, zone, OffsetDateTime.now(zone), head, officers, units, total.figures(null), Map.of());
    }

    /** Counts as they come in; coverage weighted by the activities' length. */
    private static final class Tally {
        final String officer;
        int activities;
        int withoutFootage;
        double coveredSeconds;
        double analysedSeconds;
        int unexplained;
        double unexplainedSeconds;
        int late;
        int damaged;
        int drifts;
        int explanationsFiled;

        Tally(String officer) {
            this.officer = officer;
        }

        void activity(double seconds, Double coverage) {
            activities++;
            if (coverage != null) {
                analysedSeconds += seconds;
                coveredSeconds += seconds * coverage / 100;
                if (coverage == 0) {
                    withoutFootage++;
                }
            }
        }

        void finding(FindingKind kind, Double seconds, boolean explained) {
            switch (kind) {
                case GAP -> {
                    if (!explained) {
                        unexplained++;
                        unexplainedSeconds += seconds == null ? 0 : seconds;
                    }
                }
                case LATE_UPLOAD -> late++;
                default -> drifts++;
            }
        }

        void add(Tally o) {
            activities += o.activities;
            withoutFootage += o.withoutFootage;
            coveredSeconds += o.coveredSeconds;
            analysedSeconds += o.analysedSeconds;
            unexplained += o.unexplained;
            unexplainedSeconds += o.unexplainedSeconds;
            late += o.late;
            damaged += o.damaged;
            drifts += o.drifts;
            explanationsFiled += o.explanationsFiled;
        }

        Figures figures(String name) {
            return new Figures(officer, name, activities, withoutFootage,
                    analysedSeconds == 0 ? null : Math.round(coveredSeconds / analysedSeconds * 1000) / 10.0, unexplained,
                    Math.round(unexplainedSeconds / 60 * 10) / 10.0, late, damaged, drifts, explanationsFiled);
        }
    }

    /**
     * Month over month: the bureau's unexplained gaps (bars, count on top) and coverage of activity windows (a dot
     * per month, percent under the bar), as places and words; {@code supervision.xhtml} draws them as plain SVG shapes
     * so the PDF renderer shows them too.
     */
    public record Chart(int width, int height, int left, int bottom, List<Month> months) {
    }

    /** One month's bar ({@code x}, {@code y}, {@code width}, {@code height}) and its labels, centred on {@code middle}. */
    public record Month(String month, int x, int y, int width, int height, int middle, int count, String coverage) {
    }

    private static Chart chart(Report report) {
        int w = 520;
        int h = 170;
        int left = 40;
        int bottom = 130;
        int slot = (w - left - 10) / Math.max(1, report.history().size());
        int max = Math.max(1, report.history().values().stream().mapToInt(Figures::unexplainedGaps).max().orElse(1));
        List<Month> months = new ArrayList<>();
        int i = 0;
        for (Map.Entry<YearMonth, Figures> e : report.history().entrySet()) {
            int x = left + i * slot + slot / 4;
            int barH = (int) Math.round(90.0 * e.getValue().unexplainedGaps() / max);
            Double coverage = e.getValue().coveragePercent();
            months.add(new Month(e.getKey().toString(), x, bottom - barH, slot / 2, barH, x + slot / 4,
                    e.getValue().unexplainedGaps(), coverage == null ? "–" : ReportText.number(coverage) + " %"));
            i++;
        }
        return new Chart(w, h, left, bottom, List.copyOf(months));
    }

    private static Set<String> split(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** CSV (header in the report's language, one row per officer, then the total), HTML or PDF. */
    public byte[] render(Report report, ReportFormat format, Locale locale) {
        ReportLanguage language = new ReportLanguage(messages, locale == null ? properties.locale() : locale);
        return switch (format) {
            case CSV -> csv(report, language).getBytes(StandardCharsets.UTF_8);
            case HTML -> html(report, language).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf.render(html(report, language));
            case JSON -> throw new IllegalArgumentException("the supervision report is written as csv, html or pdf");
        };
    }

    private static List<String> cells(Figures f, String officer) {
        return List.of(officer, f.officerName() == null ? "" : f.officerName(), Integer.toString(f.activities()),
                Integer.toString(f.activitiesWithoutFootage()),
                f.coveragePercent() == null ? "" : ReportText.number(f.coveragePercent()),
                Integer.toString(f.unexplainedGaps()), ReportText.number(f.unexplainedGapMinutes()),
                Integer.toString(f.lateUploads()), Integer.toString(f.damagedRecordings()), Integer.toString(f.clockDrifts()),
                Integer.toString(f.explanationsFiled()));
    }

    /** A unit's row: "unit: NAME" where the officer's id stands, the number of its officers where the name does. */
    private static List<String> unitCells(UnitFigures u, ReportLanguage language) {
        List<String> cells = new ArrayList<>(cells(u.figures(), u.unit() == null ? language.text("report.supervision.noUnit")
                : language.text("report.supervision.unitRow", u.unit())));
        cells.set(1, language.text("report.supervision.unitOfficers", u.officers()));
        return cells;
    }

    private static String csv(Report report, ReportLanguage language) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(language.text("report.supervision.csvHeader").split(",")));
        for (Figures f : report.officers()) {
            rows.add(cells(f, f.officerId()));
        }
        for (UnitFigures u : report.units()) {
            rows.add(unitCells(u, language));
        }
        rows.add(cells(report.total(), language.text("report.supervision.total")));
        // a name's line feed shown as an escape too: one officer, one line
        return Csv.write(rows.stream().map(r -> r.stream().map(DisplayText::escapeControls).toList()).toList(),
                Csv.Quoting.WHEN_NEEDED);
    }

    private String html(Report report, ReportLanguage language) {
        Map<String, Object> page = new java.util.HashMap<>();
        page.put("month", report.month().toString());
        page.put("generated", ReportText.readable(report.generatedAt()));
        page.put("zone", report.zone().getId());
        page.put("ledgerHead", report.ledgerHead());
        List<List<String>> rows = new ArrayList<>();
        report.officers().forEach(f -> rows.add(cells(f, f.officerId()).stream().map(DisplayText::escapeControls).toList()));
        page.put("rows", rows);
        page.put("units", report.units().stream().map(u -> unitCells(u, language).stream().map(DisplayText::escapeControls).toList()).toList());
        page.put("total", cells(report.total(), language.text("report.supervision.total")));
        page.put("header", List.of(language.text("report.supervision.csvHeader").split(",")));
        page.put("chart", chart(report));
        return templates.render("supervision", language, page);
    }
}
