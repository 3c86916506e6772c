package footage.jobs.evidence;

import footage.jobs.catalog.Catalog;
import footage.jobs.report.GapReport;
import footage.jobs.report.GapReportBuilder;
import footage.jobs.report.GapReportRenderer;
import footage.jobs.report.ReportFilter;
import footage.jobs.report.ReportFormat;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A device's gap timeline: the very SVG of the HTML gap report (taken from the report's own rendering, so the two
 * can never differ), its findings, and the Art. 11 explanation form for evidence staff.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TimelineController {

    /** Art. 11: the only grounds on which a recording may be stopped (as {@code footage explain} accepts). */
    static final List<String> REASONS = List.of("PRIVACY_OR_TRADE_SECRET", "WEATHER", "OBSTRUCTION", "FORCE_MAJEURE");

    private final GapReportBuilder builder;
    private final GapReportRenderer renderer;
    private final Catalog catalog;
    private final EvidenceFormat format;
    private final TransactionTemplate tx;

    TimelineController(GapReportBuilder builder, GapReportRenderer renderer, Catalog catalog, EvidenceFormat format,
                       PlatformTransactionManager transactionManager) {
        this.builder = builder;
        this.renderer = renderer;
        this.catalog = catalog;
        this.format = format;
        this.tx = new TransactionTemplate(transactionManager);
    }

    @GetMapping("/evidence/timeline")
    String timeline(@RequestParam(defaultValue = "") String device, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, Model model) {
        ReportFilter filter = filter(device, from, to);
        GapReport report = builder.build(filter);
        String html = new String(renderer.render(report, ReportFormat.HTML), StandardCharsets.UTF_8);
        int start = html.indexOf("<svg");
        int end = html.lastIndexOf("</svg>");
        model.addAttribute("device", filter.deviceId());
        model.addAttribute("from", day(from));
        model.addAttribute("to", day(to));
        model.addAttribute("svg", start < 0 || end < start ? "" : html.substring(start, end + "</svg>".length()));
        model.addAttribute("findings", report.devices().stream().flatMap(d -> d.findings().stream()).toList());
        model.addAttribute("reasons", REASONS);
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("");
        if (filter.deviceId() != null) {
            query.queryParam("device", filter.deviceId());
        }
        if (day(from) != null) {
            query.queryParam("from", day(from));
        }
        if (day(to) != null) {
            query.queryParam("to", day(to));
        }
        model.addAttribute("exportQuery", query.encode().build().toUriString());
        return "evidence/timeline";
    }

    /** The gap report of what the page shows, as the report job writes it: JSON, CSV or PDF (HTML is the page). */
    @GetMapping("/evidence/timeline/report.{ext}")
    ResponseEntity<byte[]> export(@PathVariable String ext, @RequestParam(defaultValue = "") String device,
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
        byte[] body = renderer.render(builder.build(filter(device, from, to)), ReportFormat.parse(ext));
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"gap-report." + ext + "\"").body(body);
    }

    @PostMapping("/evidence/findings/{id}/explain")
    String explain(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String device,
                   Principal user, RedirectAttributes redirect) {
        if (!REASONS.contains(reason) || note.isBlank()) {
            redirect.addFlashAttribute("refusedCode", "evidence.explain.refused");
        } else {
            Boolean done = tx.execute(s -> catalog.explain(id, reason, note.trim(), user.getName()));
            redirect.addFlashAttribute(Boolean.TRUE.equals(done) ? "explained" : "refusedCode",
                    Boolean.TRUE.equals(done) ? id : "evidence.explain.unknown");
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/evidence/timeline").queryParam("device", device)
                .encode().build().toUriString();
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
