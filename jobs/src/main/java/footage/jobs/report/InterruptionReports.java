package footage.jobs.report;

import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import footage.pipeline.text.DisplayText;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds and renders the leader's report (Art. 11, {@link InterruptionReport}) as HTML or PDF from the template
 * {@code templates/report/interruptions.xhtml}. An activity's interruptions are the current GAP findings that name it,
 * or that lie on one of its devices and overlap its window.
 */
@Component
public class InterruptionReports {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ZoneId zone;
    private final ReportProperties properties;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final ReportTemplates templates;

    InterruptionReports(JdbcClient jdbc, Ledger ledger, ReportProperties properties, FootageProperties footage,
                        MessageSource messages, PdfRenderer pdf) {
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.zone = properties.zoneOr(footage.deviceZone());
        this.properties = properties;
        this.messages = messages;
        this.templates = new ReportTemplates(messages);
    }

    /** The zone the report's times are written in. */
    public ZoneId zone() {
        return zone;
    }

    /** One activity by id or case number; empty when none is known by that name. */
    @Transactional(readOnly = true)
    public Optional<InterruptionReport> ofActivity(String idOrCase) {
        List<ActivityRow> rows = activities("WHERE id = ? OR case_number = ?", idOrCase, idOrCase);
        return rows.isEmpty() ? Optional.empty() : Optional.of(build(rows));
    }

    /** Every activity whose window overlaps [from, to). */
    @Transactional(readOnly = true)
    public InterruptionReport between(OffsetDateTime from, OffsetDateTime to) {
        return build(activities("WHERE start_at < ? AND end_at > ?", to, from));
    }

    private record ActivityRow(String id, String caseNumber, OffsetDateTime start, OffsetDateTime end, String devices,
                               String officers) {
    }

    private List<ActivityRow> activities(String where, Object... params) {
        return jdbc.sql("SELECT id, case_number, start_at, end_at, devices, officers FROM activities " + where
                        + " ORDER BY start_at, id")
                .params(Arrays.asList(params))
                .query((rs, n) -> new ActivityRow(rs.getString("id"), rs.getString("case_number"),
                        rs.getObject("start_at", OffsetDateTime.class), rs.getObject("end_at", OffsetDateTime.class),
                        rs.getString("devices"), rs.getString("officers")))
                .list();
    }

    private InterruptionReport build(List<ActivityRow> rows) {
        String head = ledger.headHash();
        List<InterruptionReport.Activity> activities = new ArrayList<>();
        for (ActivityRow a : rows) {
            Set<String> devices = split(a.devices());
            List<InterruptionReport.Interruption> gaps = jdbc.sql("SELECT id, device_id, start_at, end_at, seconds, "
                            + "explanation_reason, explanation_note, explained_by, explained_at, activity_id FROM findings "
                            + "WHERE kind = 'GAP' AND superseded_at IS NULL AND (activity_id = ? OR (start_at < ? AND end_at > ?)) "
                            + "ORDER BY start_at, id")
                    .params(a.id(), a.end(), a.start())
                    .query((rs, n) -> a.id().equals(rs.getString("activity_id")) || devices.contains(rs.getString("device_id"))
                            ? new InterruptionReport.Interruption(rs.getString("id"), rs.getString("device_id"),
                            local(rs.getObject("start_at", OffsetDateTime.class)),
                            local(rs.getObject("end_at", OffsetDateTime.class)), rs.getObject("seconds", Double.class),
                            rs.getString("explanation_reason"), rs.getString("explanation_note"),
                            rs.getString("explained_by"), local(rs.getObject("explained_at", OffsetDateTime.class)))
                            : null)
                    .list().stream().filter(java.util.Objects::nonNull).toList();
            activities.add(new InterruptionReport.Activity(a.id(), a.caseNumber(), local(a.start()), local(a.end()),
                    a.devices(), a.officers(), gaps));
        }
        return new InterruptionReport(OffsetDateTime.now(zone), head, zone, activities);
    }

    private OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static Set<String> split(String csv) {
        return csv == null ? Set.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** HTML (self-contained XHTML) or PDF, in the configured language unless one is given. */
    public byte[] render(InterruptionReport report, ReportFormat format, Locale locale) {
        ReportLanguage language = new ReportLanguage(messages, locale == null ? properties.locale() : locale);
        String html = html(report, language);
        return switch (format) {
            case HTML -> html.getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf.render(html);
            default -> throw new IllegalArgumentException("the leader's report is written as html or pdf, not "
                    + format.extension());
        };
    }

    /** A row of the template: everything already in words. */
    public record Row(String finding, String device, String start, String end, String seconds, boolean explained,
                      String reason, String note, String by, String at) {
    }

    /** An activity's block of the template. */
    public record Block(String id, String caseNumber, String window, String devices, String officers, List<Row> rows,
                        long unexplained) {
    }

    private String html(InterruptionReport report, ReportLanguage language) {
        List<Block> blocks = report.activities().stream().map(a -> new Block(shown(a.id()), shown(a.caseNumber()),
                ReportText.readable(a.start()) + " – " + ReportText.readable(a.end()), shown(a.devices()),
                shown(a.officers()), a.interruptions().stream().map(i -> new Row(shown(i.findingId()), shown(i.device()),
                ReportText.readable(i.start()), ReportText.readable(i.end()), ReportText.number(i.seconds()),
                i.explained(), i.explained() ? reason(i.reason(), language) : null, shown(i.note()), shown(i.by()),
                ReportText.readable(i.at()))).toList(),
                a.interruptions().stream().filter(i -> !i.explained()).count())).toList();
        Map<String, Object> page = new java.util.HashMap<>();
        page.put("generated", ReportText.readable(report.generatedAt()));
        page.put("zone", report.zone().getId());
        page.put("ledgerHead", report.ledgerHead());
        page.put("blocks", blocks);
        return templates.render("interruptions", language, page);
    }

    private static String reason(String code, ReportLanguage language) {
        String words = language.orCode("report.reason.", code);
        return words.equals(code) ? code : words + " (" + code + ")";
    }

    private static String shown(String text) {
        return text == null ? null : DisplayText.escapeControls(text);
    }
}
