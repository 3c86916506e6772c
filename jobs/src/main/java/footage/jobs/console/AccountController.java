package footage.jobs.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Locale;

/** Every user changes their own password here (a generated administrator password first of all). */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccountController {

    private final ConsoleUsers users;
    private final ConsoleModel common;

    AccountController(ConsoleUsers users, ConsoleModel common) {
        this.users = users;
        this.common = common;
    }

    @GetMapping("/account")
    String account() {
        return "console/account";
    }

    @PostMapping("/account/password")
    String change(@RequestParam String current, @RequestParam String password, @RequestParam String confirm,
                  Principal user, Locale locale, RedirectAttributes redirect, jakarta.servlet.http.HttpSession session) {
        try {
            if (!password.equals(confirm)) {
                throw new ConsoleRefusal("account.refused.confirm");
            }
            users.changeOwnPassword(user.getName(), current, password);
            // this session goes on; the user's other sessions end, as after an administrator's reset
            CurrentUserFilter.remember(session, users, user.getName());
            common.flash(redirect, locale, false, "account.changed");
        } catch (ConsoleRefusal refused) {
            common.flash(redirect, locale, true, refused.code(), refused.args());
        }
        return "redirect:/account";
    }
}
