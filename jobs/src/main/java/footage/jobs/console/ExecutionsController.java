package footage.jobs.console;

import footage.jobs.runs.JobRunRefused;
import footage.jobs.runs.JobRuns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The executions list (filters, failed first, pages) and one execution's page with restart / stop / abandon. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExecutionsController {

    private static final List<String> STATUSES = Arrays.stream(BatchStatus.values()).map(Enum::name).toList();

    private final ExecutionQueries queries;
    private final ExecutionDetails details;
    private final ConsoleActions actions;
    private final ConsoleModel common;
    private final ConsoleFormat format;
    private final ConsoleProperties properties;
    private final JobRuns runs;

    ExecutionsController(ExecutionQueries queries, ExecutionDetails details, ConsoleActions actions, ConsoleModel common,
                         ConsoleFormat format, ConsoleProperties properties, JobRuns runs) {
        this.queries = queries;
        this.details = details;
        this.actions = actions;
        this.common = common;
        this.format = format;
        this.properties = properties;
        this.runs = runs;
    }

    @GetMapping("/executions")
    String list(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "false") boolean failedFirst, @RequestParam(defaultValue = "1") int page,
                Model model) {
        String jobName = blankToNull(job);
        String state = STATUSES.contains(status) ? status : null;
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        ExecutionQueries.Filter filter = new ExecutionQueries.Filter(jobName, state,
                fromDay == null ? null : format.batchStartOf(fromDay),
                toDay == null ? null : format.batchStartOf(toDay.plusDays(1)), failedFirst);
        ExecutionQueries.Page result = queries.page(filter, page, properties.pageSize());
        TreeSet<String> jobs = new TreeSet<>(queries.jobNames());
        jobs.addAll(runs.jobNames());
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/executions");
        if (jobName != null) {
            link.queryParam("job", jobName);
        }
        if (state != null) {
            link.queryParam("status", state);
        }
        if (fromDay != null) {
            link.queryParam("from", fromDay);
        }
        if (toDay != null) {
            link.queryParam("to", toDay);
        }
        if (failedFirst) {
            link.queryParam("failedFirst", true);
        }
        model.addAttribute("result", result);
        model.addAttribute("jobs", jobs);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("job", jobName);
        model.addAttribute("status", state);
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("failedFirst", failedFirst);
        String base = link.encode().build().toUriString();
        model.addAttribute("pageLink", base + (base.contains("?") ? "&" : "?") + "page=");
        model.addAttribute("running", queries.anyRunning());
        return "console/executions";
    }

    @GetMapping("/executions/{id}")
    String detail(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            ExecutionView execution = details.of(id, ConsoleModel.mayOperate(request));
            model.addAttribute("e", execution);
            model.addAttribute("running", execution.running());
            return "console/execution";
        } catch (JobRunRefused missing) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", missing.getMessage());
            return "console/notfound";
        }
    }

    @PostMapping("/executions/{id}/restart")
    String restart(@PathVariable long id, Principal user, Locale locale, RedirectAttributes redirect) {
        ConsoleActions.Outcome outcome = actions.restart(id, user.getName());
        common.flash(redirect, locale, outcome);
        return "redirect:/executions/" + (outcome.execution() != null ? outcome.execution() : id);
    }

    @PostMapping("/executions/{id}/stop")
    String stop(@PathVariable long id, Principal user, Locale locale, RedirectAttributes redirect) {
        common.flash(redirect, locale, actions.stop(id, user.getName()));
        return "redirect:/executions/" + id;
    }

    @PostMapping("/executions/{id}/abandon")
    String abandon(@PathVariable long id, Principal user, Locale locale, RedirectAttributes redirect) {
        common.flash(redirect, locale, actions.abandon(id, user.getName()));
        return "redirect:/executions/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A date from the filter form; one that does not parse is ignored rather than failing the page. */
    private static LocalDate day(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
