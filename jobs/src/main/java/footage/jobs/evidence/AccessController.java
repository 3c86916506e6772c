package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.retention.ObjectLocations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Access requests (file, approve, deny, list) and what they open: playing (the proxy when there is one) and
 * downloading (the original) a recording. Spring MVC answers Range requests for a {@link Resource} body by itself.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessController {

    private final AccessRequests requests;
    private final JdbcClient jdbc;
    private final FootageProperties footage;
    private final EvidenceFormat format;

    AccessController(AccessRequests requests, JdbcClient jdbc, FootageProperties footage, EvidenceFormat format) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.footage = footage;
        this.format = format;
    }

    @GetMapping("/evidence/requests")
    String list(Model model) {
        model.addAttribute("requests", requests.all());
        return "evidence/requests";
    }

    @PostMapping("/evidence/requests")
    String file(@RequestParam(defaultValue = "") String recordings, @RequestParam(name = "case", defaultValue = "") String caseRef,
                @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String until, Principal user, RedirectAttributes redirect) {
        try {
            List<Long> ids = new ArrayList<>();
            for (String s : recordings.split("[,\\s]+")) {
                if (!s.isBlank()) {
                    ids.add(Long.parseLong(s.trim()));
                }
            }
            LocalDate fromDay = LocalDate.parse(from.trim());
            LocalDate untilDay = LocalDate.parse(until.trim());
            // the period's last day is included: access ends at the end of it
            long id = requests.file(user.getName(), ids, caseRef.isBlank() ? null : caseRef.trim(),
                    reason.isBlank() ? null : reason.trim(), format.startOf(fromDay), format.startOf(untilDay.plusDays(1)));
            redirect.addFlashAttribute("filed", id);
        } catch (NumberFormatException | DateTimeParseException | AccessRequests.Refused e) {
            redirect.addFlashAttribute("refusedCode", e instanceof AccessRequests.Refused r ? r.getMessage()
                    : "evidence.request.refused.incomplete");
        }
        return "redirect:/evidence/requests";
    }

    @PostMapping("/evidence/requests/external")
    String fileExternal(@RequestParam(defaultValue = "") String agencyType, @RequestParam(defaultValue = "") String agencyName,
                        @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String letterRef,
                        @RequestParam(required = false) MultipartFile letter,
                        @RequestParam(defaultValue = "") String recordings, @RequestParam(name = "case", defaultValue = "") String caseRef,
                        @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String from,
                        @RequestParam(defaultValue = "") String until, Principal user, RedirectAttributes redirect)
            throws java.io.IOException {
        try {
            if (letter == null || letter.getSize() > Letter.LIMIT) {
                throw new AccessRequests.Refused("evidence.letter.refused.size");
            }
            Letter checked = Letter.of(letter.getBytes());
            long id = requests.fileExternal(user.getName(), agencyType.trim(), blankToNull(agencyName), blankToNull(contact),
                    blankToNull(letterRef), checked, ids(recordings), blankToNull(caseRef), blankToNull(reason),
                    format.startOf(LocalDate.parse(from.trim())), format.startOf(LocalDate.parse(until.trim()).plusDays(1)),
                    footage.home().resolve("letters"));
            redirect.addFlashAttribute("filed", id);
        } catch (NumberFormatException | DateTimeParseException | AccessRequests.Refused e) {
            redirect.addFlashAttribute("refusedCode", e instanceof AccessRequests.Refused r ? r.getMessage()
                    : "evidence.request.refused.incomplete");
        }
        return "redirect:/evidence/requests";
    }

    @GetMapping("/evidence/register")
    String register(Model model) {
        model.addAttribute("requests", requests.all());
        model.addAttribute("uses", uses());
        return "evidence/register";
    }

    /** The register as CSV: every request, then every use and refusal (the same rows as the page). */
    @GetMapping("/evidence/register.csv")
    ResponseEntity<String> registerCsv() {
        StringBuilder csv = new StringBuilder("record,id,time,kind_or_type,who,what,reason_or_payload,status,decided_by\r\n");
        for (AccessRequests.Request q : requests.all()) {
            csv.append(row("request", q.id(), q.requestedAt(), q.kind(), q.requester(),
                    q.recordingIds() != null ? q.recordingIds() : q.caseRef(), q.reason(), q.status(), q.decidedBy()));
        }
        for (CatalogSearch.Entry e : uses()) {
            csv.append(row("use", e.seq(), e.at(), e.type(), e.actor(), e.subject(), e.payload(), "", ""));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-register.csv\"").body(csv.toString());
    }

    private static String row(Object... cells) {
        StringBuilder b = new StringBuilder();
        for (Object c : cells) {
            String v = c == null ? "" : c.toString();
            // a leading = + - @ would be a formula to a spreadsheet
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            b.append(b.isEmpty() ? "" : ",").append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return b.append("\r\n").toString();
    }

    private List<CatalogSearch.Entry> uses() {
        return jdbc.sql("SELECT seq, entry_time, entry_type, subject, actor, payload FROM ledger "
                        + "WHERE entry_type IN ('ACCESS_REQUESTED', 'ACCESS_APPROVED', 'ACCESS_DENIED', 'ACCESS_REFUSED', "
                        + "'RECORDING_PLAYED', 'RECORDING_DOWNLOADED') ORDER BY seq DESC")
                .query((rs, n) -> new CatalogSearch.Entry(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    private static List<Long> ids(String recordings) {
        List<Long> ids = new ArrayList<>();
        for (String s : recordings.split("[,\\s]+")) {
            if (!s.isBlank()) {
                ids.add(Long.parseLong(s.trim()));
            }
        }
        return ids;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @PostMapping("/evidence/requests/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Principal user,
                   RedirectAttributes redirect) {
        return decide(id, true, comment, user, redirect);
    }

    @PostMapping("/evidence/requests/{id}/deny")
    String deny(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Principal user,
                RedirectAttributes redirect) {
        return decide(id, false, comment, user, redirect);
    }

    private String decide(long id, boolean approve, String comment, Principal user, RedirectAttributes redirect) {
        try {
            requests.decide(id, approve, comment.trim(), user.getName());
        } catch (AccessRequests.Refused refused) {
            redirect.addFlashAttribute("refusedCode", refused.getMessage());
        }
        return "redirect:/evidence/requests";
    }

    @GetMapping("/evidence/recordings/{id}/play")
    ResponseEntity<?> play(@PathVariable long id, Principal user) {
        return open(id, user.getName(), true);
    }

    @GetMapping("/evidence/recordings/{id}/download")
    ResponseEntity<?> download(@PathVariable long id, Principal user) {
        return open(id, user.getName(), false);
    }

    private ResponseEntity<?> open(long id, String user, boolean play) {
        Optional<String> archivePath = jdbc.sql("SELECT archive_path FROM recordings WHERE id = ?").param(id)
                .query(String.class).optional();
        if (archivePath.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Long> request = requests.covering(user, id);
        if (request.isEmpty()) {
            requests.recordUse("ACCESS_REFUSED", user, id, null, play ? "play" : "download");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                    .body("no approved, unexpired access request covers recording " + id);
        }
        Path file = play ? proxy(id).orElse(original(archivePath.get())) : original(archivePath.get());
        if (!inside(file) || !Files.isRegularFile(file)) {
            // a catalogued path that leads outside the stores is never served, whatever the request says
            requests.recordUse("ACCESS_REFUSED", user, id, request.get(), "path outside the archive");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("refused");
        }
        requests.recordUse(play ? "RECORDING_PLAYED" : "RECORDING_DOWNLOADED", user, id, request.get(),
                file.getFileName().toString());
        Resource body = new FileSystemResource(file);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition((play ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.getFileName().toString()).build());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_OCTET_STREAM).body(body);
    }

    private Optional<Path> proxy(long recordingId) {
        return jdbc.sql("SELECT path FROM derivatives WHERE recording_id = ? AND status = 'MADE' AND method <> 'THUMBNAIL' "
                        + "AND path IS NOT NULL ORDER BY id").param(recordingId).query(String.class).list().stream()
                .findFirst().map(p -> ObjectLocations.resolveDerivative(footage, p));
    }

    private Path original(String archivePath) {
        return ObjectLocations.resolve(footage, archivePath);
    }

    private boolean inside(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(footage.archive().toAbsolutePath().normalize())
                || f.startsWith(footage.proxies().toAbsolutePath().normalize())
                || f.startsWith(footage.expired().toAbsolutePath().normalize());
    }
}
