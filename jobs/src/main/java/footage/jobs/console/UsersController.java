package footage.jobs.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Administrators manage users: create, set roles, enable or disable, set a password. Users are never deleted. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UsersController {

    private final ConsoleUsers users;
    private final ConsoleModel common;

    UsersController(ConsoleUsers users, ConsoleModel common) {
        this.users = users;
        this.common = common;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", List.of(Role.values()));
        return "console/users";
    }

    @PostMapping("/users")
    String create(@RequestParam String username, @RequestParam String password,
                  @RequestParam(required = false) List<String> roles, Principal admin, Locale locale,
                  RedirectAttributes redirect) {
        return change(redirect, locale, "users.created", username,
                () -> users.create(username.trim(), password, roles(roles), admin.getName()));
    }

    @PostMapping("/users/{name}")
    String update(@PathVariable String name, @RequestParam(required = false) List<String> roles,
                  @RequestParam(defaultValue = "false") boolean enabled, Principal admin, Locale locale,
                  RedirectAttributes redirect) {
        return change(redirect, locale, "users.changed", name, () -> users.update(name, roles(roles), enabled, admin.getName()));
    }

    @PostMapping("/users/{name}/password")
    String password(@PathVariable String name, @RequestParam String password, Principal admin, Locale locale,
                    RedirectAttributes redirect) {
        return change(redirect, locale, "users.passwordSet", name, () -> users.setPassword(name, password, admin.getName()));
    }

    private String change(RedirectAttributes redirect, Locale locale, String doneCode, String name, Runnable change) {
        try {
            change.run();
            common.flash(redirect, locale, false, doneCode, name);
        } catch (ConsoleRefusal refused) {
            common.flash(redirect, locale, true, refused.code(), refused.args());
        }
        return "redirect:/users";
    }

    private static Set<Role> roles(List<String> names) {
        try {
            return Role.parse(names == null ? List.of() : names);
        } catch (IllegalArgumentException e) {
            throw new ConsoleRefusal("users.refused.noRole");
        }
    }
}
