package footage.jobs.evidence;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Locale;

/**
 * A form of the evidence pages that cannot be read as sent (an over-long reason, note or case) and that has no page of
 * its own to come back to: HTTP 400 with the form's message, never an error page.
 */
@ControllerAdvice(basePackageClasses = InputRefusals.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class InputRefusals {

    private final EvidenceModel common;

    InputRefusals(EvidenceModel common) {
        this.common = common;
    }

    @ExceptionHandler(AccessRequests.Invalid.class)
    ModelAndView unreadable(AccessRequests.Invalid invalid, HttpServletRequest request, Locale locale) {
        ExtendedModelMap model = new ExtendedModelMap();
        common.common(model, request, locale);
        model.addAttribute("refusedCode", invalid.getMessage());
        return new ModelAndView("evidence/refused", model, HttpStatus.BAD_REQUEST);
    }
}
