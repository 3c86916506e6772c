package footage.jobs.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Locale;

/** What every console page needs: who is logged in and what they may do, the language, how to show times. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleModel {

    private final ConsoleFormat format;
    private final ConsoleProperties properties;
    private final MessageSource messages;

    ConsoleModel(ConsoleFormat format, ConsoleProperties properties, MessageSource messages) {
        this.format = format;
        this.properties = properties;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request, Locale locale) {
        Principal user = request.getUserPrincipal();
        model.addAttribute("me", user == null ? null : user.getName());
        model.addAttribute("canOperate", mayOperate(request));
        model.addAttribute("isAdmin", request.isUserInRole(Role.ADMIN.name()));
        model.addAttribute("fmt", format);
        model.addAttribute("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
        model.addAttribute("path", request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("refreshMillis", properties.refresh().toMillis());
    }

    static boolean mayOperate(HttpServletRequest request) {
        return request.isUserInRole(Role.OPERATOR.name()) || request.isUserInRole(Role.ADMIN.name());
    }

    /** The outcome of a request, shown once on the page the browser is sent to next. */
    void flash(RedirectAttributes redirect, Locale locale, ConsoleActions.Outcome outcome) {
        flash(redirect, locale, outcome.refused(), outcome.code(), outcome.args().toArray());
    }

    void flash(RedirectAttributes redirect, Locale locale, boolean refused, String code, Object... args) {
        redirect.addFlashAttribute(refused ? "refused" : "notice", messages.getMessage(code, args, code, locale));
    }
}
