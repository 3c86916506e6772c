package footage.jobs.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The login page, and the page for a request the user's roles (or a missing CSRF token) do not allow. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginController {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @RequestMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "console/denied";
    }
}
