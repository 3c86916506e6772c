package footage.jobs.evidence;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Catalog search and one recording's page (metadata, findings, ledger history). Read-only. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EvidenceController {

    static final int PAGE_SIZE = 25;
    private static final List<String> STATUSES = List.of("ARCHIVED", "DAMAGED");

    private final CatalogSearch search;
    private final EvidenceFormat format;

    EvidenceController(CatalogSearch search, EvidenceFormat format) {
        this.search = search;
        this.format = format;
    }

    @GetMapping("/evidence")
    String search(@RequestParam(required = false) String device, @RequestParam(required = false) String officer,
                  @RequestParam(name = "case", required = false) String caseOrActivity,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                  @RequestParam(defaultValue = "1") int page, Model model) {
        List<String> kinds = search.findingKinds();
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        // only known values reach the query; anything else is dropped rather than failing the page
        String state = status != null && STATUSES.contains(status) ? status : null;
        String findingKind = kind != null && kinds.contains(kind) ? kind : null;
        CatalogSearch.Filter filter = new CatalogSearch.Filter(blankToNull(device), blankToNull(officer),
                blankToNull(caseOrActivity), fromDay == null ? null : format.startOf(fromDay),
                toDay == null ? null : format.startOf(toDay.plusDays(1)), state, findingKind);
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/evidence");
        param(link, "device", filter.device());
        param(link, "officer", filter.officer());
        param(link, "case", filter.caseOrActivity());
        param(link, "from", fromDay);
        param(link, "to", toDay);
        param(link, "status", state);
        param(link, "kind", findingKind);
        String base = link.encode().build().toUriString();
        model.addAttribute("result", search.search(filter, page, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("kinds", kinds);
        model.addAttribute("pageLink", base + (base.contains("?") ? "&" : "?") + "page=");
        return "evidence/search";
    }

    @GetMapping("/evidence/recordings/{id}")
    String recording(@PathVariable long id, Model model, HttpServletResponse response) {
        return search.recording(id).map(r -> {
            model.addAttribute("r", r);
            model.addAttribute("findings", search.findings(id));
            model.addAttribute("history", search.history(id));
            return "evidence/recording";
        }).orElseGet(() -> {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", "recording " + id);
            return "evidence/notfound";
        });
    }

    private static void param(UriComponentsBuilder link, String name, Object value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDate day(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
