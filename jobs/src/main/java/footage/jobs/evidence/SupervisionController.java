package footage.jobs.evidence;

import footage.jobs.report.GapReportRenderer;
import footage.jobs.report.ReportFormat;
import footage.jobs.report.SupervisionReports;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The supervision report of Art. 19 in the console: a month's figures per officer, and the same as CSV or PDF, for
 * evidence staff, approvers (the supervising leaders) and administrators.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SupervisionController {

    private final SupervisionReports reports;
    private final Clock clock;

    SupervisionController(SupervisionReports reports, Optional<Clock> clock) {
        this.reports = reports;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping("/evidence/supervision")
    String page(@RequestParam(required = false) String month, Model model) {
        YearMonth shown = month(month);
        model.addAttribute("month", shown.toString());
        SupervisionReports.Report report = reports.month(shown);
        java.util.List<SupervisionReports.Figures> rows = new java.util.ArrayList<>(report.officers());
        rows.add(report.total());
        model.addAttribute("rows", rows);
        model.addAttribute("units", report.units());
        return "evidence/supervision";
    }

    @GetMapping("/evidence/supervision.{ext}")
    ResponseEntity<byte[]> export(@PathVariable String ext, @RequestParam(required = false) String month) {
        if (!ext.equals("csv") && !ext.equals("pdf")) {
            return ResponseEntity.notFound().build();
        }
        YearMonth shown = month(month);
        byte[] body = reports.render(reports.month(shown), ReportFormat.parse(ext),
                GapReportRenderer.languageFor(LocaleContextHolder.getLocale()));
        return ResponseEntity.ok().contentType(ext.equals("pdf") ? MediaType.APPLICATION_PDF
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"supervision-" + shown + "." + ext + "\"")
                .body(body);
    }

    /** The month asked for; the last whole month when none (or nonsense) is given. */
    private YearMonth month(String month) {
        if (month != null && !month.isBlank()) {
            try {
                return YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                // shown as the default month: a filter that cannot be read is no condition, never an error page
            }
        }
        return YearMonth.now(clock.withZone(reports.zone())).minusMonths(1);
    }
}
