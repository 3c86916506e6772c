package footage.jobs.evidence;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Catalog search and one recording's page (metadata, retention and holds, findings, ledger history, thumbnail).
 *
 * <p>The thumbnail shows footage, so it is opened like playing: only under an approved, unexpired access request that
 * covers the recording, and every view is a ledger entry naming that request (RECORDING_THUMBNAIL_VIEWED); without
 * one the page shows a placeholder, and asking for the picture anyway is refused and ledgered as ACCESS_REFUSED.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EvidenceController {

    static final int PAGE_SIZE = 25;
    private static final List<String> STATUSES = List.of("ARCHIVED", "DAMAGED");
    /** The retention classes of docs/formats.md §12 (footage.jobs.retention.RetentionClass). */
    static final List<String> RETENTION_CLASSES = List.of("STANDARD", "PERMANENT");
    static final List<String> RECORDING_KINDS = java.util.Arrays.stream(footage.pipeline.media.RecordingKind.values())
            .map(Enum::name).toList();

    private final CatalogSearch search;
    private final EvidenceFormat format;
    private final AccessRequests requests;
    private final Thumbnails thumbnails;

    EvidenceController(CatalogSearch search, EvidenceFormat format, AccessRequests requests, Thumbnails thumbnails) {
        this.search = search;
        this.format = format;
        this.requests = requests;
        this.thumbnails = thumbnails;
    }

    @GetMapping("/evidence")
    String search(@RequestParam(required = false) String device, @RequestParam(required = false) String officer,
                  @RequestParam(name = "case", required = false) String caseOrActivity,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                  @RequestParam(name = "retention", required = false) String retention,
                  @RequestParam(name = "type", required = false) String type,
                  @RequestParam(defaultValue = "1") int page, Model model) {
        List<String> kinds = search.findingKinds();
        LocalDate fromDay = Params.day(from);
        LocalDate toDay = Params.day(to);
        // only known values reach the query; anything else is dropped rather than failing the page
        String state = status != null && STATUSES.contains(status) ? status : null;
        String findingKind = kind != null && kinds.contains(kind) ? kind : null;
        String retentionClass = retention != null && RETENTION_CLASSES.contains(retention) ? retention : null;
        String recordingKind = type != null && RECORDING_KINDS.contains(type) ? type : null;
        CatalogSearch.Filter filter = new CatalogSearch.Filter(Params.blankToNull(device), Params.blankToNull(officer),
                Params.blankToNull(caseOrActivity), fromDay == null ? null : format.startOf(fromDay),
                toDay == null ? null : format.startOf(toDay.plusDays(1)), state, findingKind, retentionClass,
                recordingKind);
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/evidence");
        Params.param(link, "device", filter.device());
        Params.param(link, "officer", filter.officer());
        Params.param(link, "case", filter.caseOrActivity());
        Params.param(link, "from", fromDay);
        Params.param(link, "to", toDay);
        Params.param(link, "status", state);
        Params.param(link, "kind", findingKind);
        Params.param(link, "retention", retentionClass);
        Params.param(link, "type", recordingKind);
        String base = link.encode().build().toUriString();
        model.addAttribute("result", search.search(filter, page, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("kinds", kinds);
        model.addAttribute("retentionClasses", RETENTION_CLASSES);
        model.addAttribute("recordingKinds", RECORDING_KINDS);
        model.addAttribute("pageLink", base + (base.contains("?") ? "&" : "?") + "page=");
        return "evidence/search";
    }

    @GetMapping("/evidence/recordings/{id}")
    String recording(@PathVariable long id, Model model, HttpServletResponse response, Principal user,
                     jakarta.servlet.http.HttpServletRequest request) {
        return search.recording(id).map(r -> {
            model.addAttribute("r", r);
            List<CatalogSearch.Hold> holds = search.holds(r);
            model.addAttribute("holds", holds);
            model.addAttribute("heldHere", holds.stream().anyMatch(h -> h.recordingId() != null));
            model.addAttribute("retentionClasses", RETENTION_CLASSES);
            model.addAttribute("categories", footage.jobs.retention.RetentionActions.CATEGORIES);
            model.addAttribute("showThumbnail", requests.covering(user.getName(), id).isPresent());
            model.addAttribute("findings", search.findings(id));
            boolean all = EvidenceModel.seesAllAccess(request);
            // others' plays, downloads and refusals say who looked at this footage: not for approvers and viewers
            model.addAttribute("history", search.history(id).stream()
                    .filter(e -> all || !AccessRegister.TYPES.contains(e.type()) || user.getName().equals(e.actor())).toList());
            return "evidence/recording";
        }).orElseGet(() -> {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", "recording " + id);
            return "evidence/notfound";
        });
    }

    /** The recording's still picture, for a user whose approved request covers it; each view is ledgered. */
    @GetMapping("/evidence/recordings/{id}/thumbnail")
    ResponseEntity<?> thumbnail(@PathVariable long id, Principal user, org.springframework.http.HttpMethod method)
            throws IOException {
        if (search.recording(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Long> request = requests.covering(user.getName(), id);
        if (request.isEmpty()) {
            requests.recordUse("ACCESS_REFUSED", user.getName(), id, null, "thumbnail");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                    .body("no approved, unexpired access request covers recording " + id);
        }
        Optional<Path> picture = thumbnails.of(id);
        if (picture.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (method != org.springframework.http.HttpMethod.HEAD) {
            requests.recordUse("RECORDING_THUMBNAIL_VIEWED", user.getName(), id, request.get(),
                    picture.get().getFileName().toString());
        }
        // never cached by the browser: each view is to be a ledgered one
        FileSystemResource body = new FileSystemResource(picture.get());
        return ResponseEntity.ok().contentType(MediaTypeFactory.getMediaType(body).orElse(MediaType.IMAGE_JPEG))
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
