package footage.jobs.evidence;

import footage.jobs.catalog.Catalog;
import footage.jobs.ledger.Ledger;
import footage.jobs.report.GapReport;
import footage.jobs.report.GapReportBuilder;
import footage.jobs.report.GapReportRenderer;
import footage.jobs.report.ReportFilter;
import footage.jobs.report.ReportFormat;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device's or an activity's gap timeline: the very SVG of the HTML gap report (drawn by the report's own timeline
 * template, so the two can never differ), its findings, and the Art. 11 explanation form for evidence staff.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TimelineController {

    /** Art. 11: the only grounds on which a recording may be stopped (as {@code footage explain} accepts). */
    static final List<String> REASONS = List.of("PRIVACY_OR_TRADE_SECRET", "WEATHER", "OBSTRUCTION", "FORCE_MAJEURE");
    private static final Pattern ACTIVITY_ID = Pattern.compile("[^\\p{Cntrl}]{1,200}");

    private final GapReportBuilder builder;
    private final GapReportRenderer renderer;
    private final Catalog catalog;
    private final CatalogSearch search;
    private final Ledger ledger;
    private final EvidenceFormat format;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final footage.jobs.report.InterruptionReports interruptionReports;

    TimelineController(GapReportBuilder builder, GapReportRenderer renderer, Catalog catalog, CatalogSearch search,
                       Ledger ledger, EvidenceFormat format, PlatformTransactionManager transactionManager,
                       Optional<Clock> clock, footage.jobs.report.InterruptionReports interruptionReports) {
        this.interruptionReports = interruptionReports;
        this.builder = builder;
        this.renderer = renderer;
        this.catalog = catalog;
        this.search = search;
        this.ledger = ledger;
        this.format = format;
        this.tx = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readOnly.setReadOnly(true);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping("/evidence/timeline")
    String timeline(@RequestParam(defaultValue = "") String device, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, Model model) {
        ReportFilter filter = filter(device, from, to);
        show(builder.build(filter), model);
        model.addAttribute("device", filter.deviceId());
        model.addAttribute("from", day(from));
        model.addAttribute("to", day(to));
        model.addAttribute("exportQuery", query("device", filter.deviceId(), from, to));
        return "evidence/timeline";
    }

    /**
     * An activity's timeline: the lanes of its devices (and of the devices its officers recorded with) over its window,
     * or over the days asked for; with the coverage the continuity analysis computed for it.
     */
    @GetMapping("/evidence/timeline/activity")
    String activity(@RequestParam(defaultValue = "") String activity, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        if (activity.isBlank()) {
            model.addAttribute("activities", search.activities());
            return "evidence/activities";
        }
        Optional<CatalogSearch.Activity> found = known(activity).flatMap(search::activity);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", "activity " + activity);
            return "evidence/notfound";
        }
        show(activityReport(found.get(), from, to), model);
        model.addAttribute("activity", found.get());
        model.addAttribute("from", day(from));
        model.addAttribute("to", day(to));
        model.addAttribute("exportQuery", query("activity", found.get().id(), from, to));
        return "evidence/timeline";
    }

    /**
     * The timeline alone for any window, down to minutes (local times in the report zone, e.g. 2026-03-01T10:05), for
     * the page's zoom: the page swaps it in without reloading.
     */
    @GetMapping(value = "/evidence/timeline/svg", produces = "image/svg+xml")
    ResponseEntity<String> zoom(@RequestParam(defaultValue = "") String device, @RequestParam String from,
                                @RequestParam String to) {
        java.time.ZoneId zone = builder.zone();
        java.time.OffsetDateTime start;
        java.time.OffsetDateTime end;
        try {
            start = footage.pipeline.time.StrictTimes.dateTime(from.trim(), zone, false);
            end = footage.pipeline.time.StrictTimes.dateTime(to.trim(), zone, true);
        } catch (java.time.DateTimeException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        }
        if (!end.isAfter(start)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("the window ends before it starts");
        }
        GapReport report = builder.build(new ReportFilter(device.isBlank() ? null : device.trim(), start, end));
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(renderer.timeline(report, GapReportRenderer.languageFor(LocaleContextHolder.getLocale())));
    }

    /** The leader's report of the activity (Art. 11): its interruptions and their explanations, in the page's language. */
    @GetMapping("/evidence/timeline/activity/interruptions.{ext}")
    ResponseEntity<byte[]> interruptions(@PathVariable String ext, @RequestParam(defaultValue = "") String activity) {
        if (!ext.equals("pdf") && !ext.equals("html")) {
            return ResponseEntity.notFound().build();
        }
        Optional<footage.jobs.report.InterruptionReport> report = known(activity).flatMap(interruptionReports::ofActivity);
        if (report.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        byte[] body = interruptionReports.render(report.get(), ReportFormat.parse(ext),
                GapReportRenderer.languageFor(LocaleContextHolder.getLocale()));
        String name = "interruptions-" + activity.trim().replaceAll("[^A-Za-z0-9._-]", "_") + "." + ext;
        return ResponseEntity.ok().contentType(ext.equals("pdf") ? MediaType.APPLICATION_PDF
                        : new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").body(body);
    }

    /** The gap report of what the page shows, as the report job writes it: JSON, CSV or PDF (HTML is the page). */
    @GetMapping("/evidence/timeline/report.{ext}")
    ResponseEntity<byte[]> export(@PathVariable String ext, @RequestParam(defaultValue = "") String device,
                                  @RequestParam(defaultValue = "") String activity,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        MediaType type = switch (ext) {
            case "json" -> MediaType.APPLICATION_JSON;
            case "csv" -> new MediaType("text", "csv", StandardCharsets.UTF_8);
            case "pdf" -> MediaType.APPLICATION_PDF;
            default -> null;
        };
        if (type == null) {
            return ResponseEntity.notFound().build();
        }
        GapReport report;
        String name = "gap-report";
        if (activity.isBlank()) {
            report = builder.build(filter(device, from, to));
        } else {
            Optional<CatalogSearch.Activity> found = known(activity).flatMap(search::activity);
            if (found.isEmpty()) {
                return ResponseEntity.notFound().build();
            }
            report = activityReport(found.get(), from, to);
            // the id as a file name: nothing of it that a header or a file system would read as syntax
            name = "gap-report-" + found.get().id().replaceAll("[^A-Za-z0-9._-]", "_");
        }
        // in the console's language, as the page the download was taken from
        byte[] body = renderer.render(report, ReportFormat.parse(ext),
                GapReportRenderer.languageFor(LocaleContextHolder.getLocale()));
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + ext + "\"").body(body);
    }

    @PostMapping("/evidence/findings/{id}/explain")
    String explain(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String device,
                   @RequestParam(defaultValue = "") String activity, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, Principal user, RedirectAttributes redirect) {
        RequestInput.text(note, RequestInput.REASON);
        if (!REASONS.contains(reason) || note.isBlank()) {
            redirect.addFlashAttribute("refusedCode", "evidence.explain.refused");
        } else {
            Boolean done = tx.execute(s -> catalog.explain(id, reason, note.trim(), user.getName()));
            redirect.addFlashAttribute(Boolean.TRUE.equals(done) ? "explained" : "refusedCode",
                    Boolean.TRUE.equals(done) ? id : "evidence.explain.unknown");
        }
        // back to the page the form was on, with the same range
        return known(activity).map(a -> "redirect:/evidence/timeline/activity" + query("activity", a, from, to))
                .orElseGet(() -> "redirect:/evidence/timeline" + query("device", device.isBlank() ? null : device.trim(), from, to));
    }

    private void show(GapReport report, Model model) {
        // the report's overview, drawn by the report's own template, so the page and the report can never differ
        model.addAttribute("svg", renderer.timeline(report, GapReportRenderer.languageFor(LocaleContextHolder.getLocale())));
        model.addAttribute("findings", report.devices().stream().flatMap(d -> d.findings().stream()).toList());
        model.addAttribute("unexplained", report.devices().stream().flatMap(d -> d.findings().stream())
                .filter(f -> !f.explained()).count());
        model.addAttribute("reasons", REASONS);
    }

    /**
     * One report of the activity's devices, each built by the report's own builder, all in one read-only transaction
     * so the lanes and the ledger head named in the exports are of one catalog state.
     */
    private GapReport activityReport(CatalogSearch.Activity a, String from, String to) {
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        OffsetDateTime start = fromDay == null ? a.start() : format.startOf(fromDay);
        OffsetDateTime end = toDay == null ? a.end() : format.startOf(toDay.plusDays(1));
        if (start.isAfter(end)) {
            end = start;
        }
        ReportFilter window = new ReportFilter(null, start, end);
        return readOnly.execute(s -> {
            List<GapReport.Device> lanes = new ArrayList<>();
            for (String device : search.devicesOf(a)) {
                lanes.addAll(builder.build(new ReportFilter(device, window.from(), window.to())).devices());
            }
            OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(builder.zone()).toOffsetDateTime()
                    .truncatedTo(ChronoUnit.SECONDS);
            return new GapReport(now, ledger.headHash(), builder.zone(), window, lanes);
        });
    }

    /**
     * An activity id is whatever the imported file called it, so it is only ever a query parameter, looked up as a
     * value: a path in it ({@code ../..}) names no activity and is not found. Control characters and overlong ids are
     * refused before the lookup.
     */
    private static Optional<String> known(String activity) {
        String a = activity == null ? "" : activity.trim();
        return ACTIVITY_ID.matcher(a).matches() ? Optional.of(a) : Optional.empty();
    }

    private String query(String name, String value, String from, String to) {
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("");
        if (value != null) {
            query.queryParam(name, value);
        }
        if (day(from) != null) {
            query.queryParam("from", day(from));
        }
        if (day(to) != null) {
            query.queryParam("to", day(to));
        }
        return query.encode().build().toUriString();
    }

    private ReportFilter filter(String device, String from, String to) {
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            toDay = fromDay;
        }
        return new ReportFilter(device.isBlank() ? null : device.trim(), fromDay == null ? null : format.startOf(fromDay),
                toDay == null ? null : format.startOf(toDay.plusDays(1)));
    }

    private static LocalDate day(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
