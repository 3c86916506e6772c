package footage.jobs.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Dashboard.Facts facts = dashboard.facts();
        model.addAttribute("facts", facts);
        model.addAttribute("running", facts.anyRunning());
        return "console/dashboard";
    }
}
