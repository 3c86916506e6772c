package footage.jobs.evidence;

import footage.jobs.retention.RetentionActions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.util.Locale;

/**
 * Holds on a recording or a case, and a recording's retention class, set from the console (issue 17): the command
 * line's services and rules ({@link RetentionActions}), the logged-in user as the actor. Only evidence staff and
 * administrators reach these (ConsoleSecurity); making a PERMANENT recording STANDARD is further refused, and
 * ledgered, for anyone but an enabled administrator, as {@code footage retention set} does.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RetentionController {

    private final RetentionActions actions;
    private final CatalogSearch search;
    private final MessageSource messages;

    RetentionController(RetentionActions actions, CatalogSearch search, MessageSource messages) {
        this.actions = actions;
        this.search = search;
        this.messages = messages;
    }

    @GetMapping("/evidence/holds")
    String holds(Model model) {
        model.addAttribute("holds", search.activeHolds());
        return "evidence/holds";
    }

    @PostMapping("/evidence/holds")
    String holdCase(@RequestParam(name = "case", defaultValue = "") String caseNumber,
                    @RequestParam(defaultValue = "") String reason, Principal user, Locale locale,
                    RedirectAttributes redirect) {
        RequestInput.text(caseNumber, RequestInput.CASE);
        RequestInput.text(reason, RequestInput.REASON);
        try {
            RetentionActions.HoldSet r = actions.setHoldOnCase(caseNumber, reason, user.getName());
            flash(redirect, locale, false, held(r), r.holdId(), r.covered(),
                    messages.getMessage("evidence.hold.case", new Object[]{caseNumber.trim()}, locale));
            if (r.set() && !r.caseKnown()) {
                redirect.addFlashAttribute("holdWarning", messages.getMessage("evidence.hold.unknownCase",
                        new Object[]{caseNumber.trim()}, locale));
            }
        } catch (RetentionActions.Refused e) {
            refused(redirect, locale, e);
        }
        return "redirect:/evidence/holds";
    }

    @PostMapping("/evidence/holds/lift")
    String liftCase(@RequestParam(name = "case", defaultValue = "") String caseNumber,
                    @RequestParam(defaultValue = "") String reason, Principal user, Locale locale,
                    RedirectAttributes redirect) {
        RequestInput.text(caseNumber, RequestInput.CASE);
        RequestInput.text(reason, RequestInput.REASON);
        try {
            RetentionActions.HoldLifted r = actions.liftHoldOnCase(caseNumber, reason, user.getName());
            flash(redirect, locale, false, "evidence.hold.lifted", r.lifted(), r.released(), r.stillHeld());
        } catch (RetentionActions.Refused e) {
            refused(redirect, locale, e);
        }
        return "redirect:/evidence/holds";
    }

    @PostMapping("/evidence/recordings/{id}/hold")
    String holdRecording(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal user,
                         Locale locale, RedirectAttributes redirect) {
        RequestInput.text(reason, RequestInput.REASON);
        try {
            RetentionActions.HoldSet r = actions.setHoldOnRecording(id, reason, user.getName());
            flash(redirect, locale, false, held(r), r.holdId(), r.covered(),
                    messages.getMessage("evidence.hold.onRecording", new Object[]{id}, locale));
        } catch (RetentionActions.Refused e) {
            refused(redirect, locale, e);
        }
        return recordingPage(id);
    }

    @PostMapping("/evidence/recordings/{id}/hold/lift")
    String liftRecording(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal user,
                         Locale locale, RedirectAttributes redirect) {
        RequestInput.text(reason, RequestInput.REASON);
        try {
            RetentionActions.HoldLifted r = actions.liftHoldOnRecording(id, reason, user.getName());
            flash(redirect, locale, false, "evidence.hold.lifted", r.lifted(), r.released(), r.stillHeld());
        } catch (RetentionActions.Refused e) {
            refused(redirect, locale, e);
        }
        return recordingPage(id);
    }

    @PostMapping("/evidence/recordings/{id}/retention")
    String retention(@PathVariable long id, @RequestParam(name = "class", defaultValue = "") String retentionClass,
                     @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String reason,
                     Principal user, Locale locale, RedirectAttributes redirect) {
        RequestInput.text(reason, RequestInput.REASON);
        try {
            RetentionActions.RetentionSet r = actions.setRetention(id, retentionClass, category, reason, user.getName());
            String now = messages.getMessage("evidence.retention." + r.retentionClass(), null, r.retentionClass(), locale)
                    + (r.category() == null ? "" : " · " + r.category());
            flash(redirect, locale, false, r.changed() ? "evidence.retention.changed" : "evidence.retention.unchanged", now);
            if (r.changed() && r.movedOut()) {
                redirect.addFlashAttribute("holdWarning", messages.getMessage("evidence.retention.movedOut", null, locale));
            }
        } catch (RetentionActions.Refused e) {
            refused(redirect, locale, e);
        }
        return recordingPage(id);
    }

    private static String held(RetentionActions.HoldSet r) {
        return r.set() ? (r.movedOut() > 0 ? "evidence.hold.setMovedOut" : "evidence.hold.set") : "evidence.hold.already";
    }

    private static String recordingPage(long id) {
        return "redirect:" + UriComponentsBuilder.fromPath("/evidence/recordings/{id}").buildAndExpand(id).toUriString();
    }

    private void refused(RedirectAttributes redirect, Locale locale, RetentionActions.Refused e) {
        flash(redirect, locale, true, e.code(), e.getMessage());
    }

    private void flash(RedirectAttributes redirect, Locale locale, boolean refused, String code, Object... args) {
        redirect.addFlashAttribute(refused ? "refused" : "notice", messages.getMessage(code, args, code, locale));
    }
}
