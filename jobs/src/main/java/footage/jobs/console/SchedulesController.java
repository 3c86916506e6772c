package footage.jobs.console;

import footage.jobs.schedule.Schedules;
import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

/** Every trigger with its cron, previous and next firing and state; pause, resume, fire now. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SchedulesController {

    private final Schedules schedules;
    private final ConsoleActions actions;
    private final ConsoleModel common;

    SchedulesController(Schedules schedules, ConsoleActions actions, ConsoleModel common) {
        this.schedules = schedules;
        this.actions = actions;
        this.common = common;
    }

    @GetMapping("/schedules")
    String list(Model model) {
        List<Schedules.Line> lines;
        boolean running;
        try {
            lines = schedules.lines();
            running = schedules.running();
        } catch (SchedulerException e) {
            lines = List.of();
            running = false;
            model.addAttribute("schedulerError", e.getMessage());
        }
        model.addAttribute("lines", lines);
        model.addAttribute("schedulerRunning", running);
        return "console/schedules";
    }

    @PostMapping("/schedules/{name}/pause")
    String pause(@PathVariable String name, Principal user, Locale locale, RedirectAttributes redirect) {
        common.flash(redirect, locale, actions.pause(name, user.getName()));
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/{name}/resume")
    String resume(@PathVariable String name, Principal user, Locale locale, RedirectAttributes redirect) {
        common.flash(redirect, locale, actions.resume(name, user.getName()));
        return "redirect:/schedules";
    }

    @PostMapping("/schedules/{name}/fire")
    String fire(@PathVariable String name, Principal user, Locale locale, RedirectAttributes redirect) {
        common.flash(redirect, locale, actions.fireNow(name, user.getName()));
        return "redirect:/schedules";
    }
}
