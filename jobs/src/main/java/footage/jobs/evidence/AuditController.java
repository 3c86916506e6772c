package footage.jobs.evidence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The audit page: the ledger, filtered by type, actor, subject and time, and what the last {@code footage verify}
 * found. For ADMIN and EVIDENCE_STAFF only (ConsoleSecurity): the ledger names who looked at which footage and why (the access
 * register's uses), which approvers and viewers have no need to browse beyond their own requests.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditController {

    static final int PAGE_SIZE = 50;
    /** How soon after being made an approver an approval is worth a second look. */
    static final Duration FRESH = Duration.ofDays(7);

    private final AuditLog audit;
    private final EvidenceFormat format;

    AuditController(AuditLog audit, EvidenceFormat format) {
        this.audit = audit;
        this.format = format;
    }

    @GetMapping("/evidence/audit")
    String audit(@RequestParam(required = false) String type, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String subject, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") int page,
                 Model model) {
        List<String> types = audit.types();
        LocalDate fromDay = Params.day(from);
        LocalDate toDay = Params.day(to);
        AuditLog.Filter filter = new AuditLog.Filter(type != null && types.contains(type) ? type : null,
                Params.blankToNull(actor), Params.blankToNull(subject), fromDay == null ? null : format.startOf(fromDay),
                toDay == null ? null : format.startOf(toDay.plusDays(1)));
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/evidence/audit");
        Params.param(link, "type", filter.type());
        Params.param(link, "actor", filter.actor());
        Params.param(link, "subject", filter.subject());
        Params.param(link, "from", fromDay);
        Params.param(link, "to", toDay);
        String base = link.encode().build().toUriString();
        model.addAttribute("result", audit.search(filter, page, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("types", types);
        model.addAttribute("verify", audit.lastVerify().orElse(null));
        model.addAttribute("freshApprovals", audit.freshApprovals(FRESH));
        model.addAttribute("pageLink", base + (base.contains("?") ? "&" : "?") + "page=");
        return "evidence/audit";
    }
}
