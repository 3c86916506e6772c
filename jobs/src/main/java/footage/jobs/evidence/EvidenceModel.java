package footage.jobs.evidence;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.security.Principal;
import java.util.Locale;

/**
 * What the shared console layout needs on evidence pages. The console's own advice is scoped to its package, so
 * this one supplies the same names for this package.
 */
@ControllerAdvice(basePackageClasses = EvidenceModel.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EvidenceModel {

    private final EvidenceFormat format;

    EvidenceModel(EvidenceFormat format) {
        this.format = format;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request, Locale locale) {
        Principal user = request.getUserPrincipal();
        model.addAttribute("me", user == null ? null : user.getName());
        model.addAttribute("canOperate", request.isUserInRole("OPERATOR") || request.isUserInRole("ADMIN"));
        model.addAttribute("isAdmin", request.isUserInRole("ADMIN"));
        model.addAttribute("isApprover", request.isUserInRole("APPROVER"));
        model.addAttribute("isEvidenceStaff", request.isUserInRole("EVIDENCE_STAFF"));
        // holds, retention classes, activity imports and request exports (issue 17): evidence staff and administrators
        model.addAttribute("canWork", request.isUserInRole("EVIDENCE_STAFF") || request.isUserInRole("ADMIN"));
        model.addAttribute("fmt", format);
        model.addAttribute("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
        model.addAttribute("path", request.getRequestURI().substring(request.getContextPath().length()));
        model.addAttribute("refreshMillis", 0L);
        model.addAttribute("seesAllAccess", seesAllAccess(request));
    }

    /**
     * Who may read everyone's access history (the whole register, the ledger's plays and downloads): evidence staff and
     * the administrator as auditor, the audit page's readers. Approvers and viewers see their own.
     */
    static boolean seesAllAccess(HttpServletRequest request) {
        return request.isUserInRole("EVIDENCE_STAFF") || request.isUserInRole("ADMIN");
    }
}
