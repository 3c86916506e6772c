package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.report.PdfRenderer;
import footage.jobs.report.ReportTemplates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Access requests (file, approve, deny, list) and what they open: playing (the proxy when there is one) and
 * downloading (the original) a recording. Spring MVC answers Range requests for a {@link Resource} body by itself.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessController {

    private final AccessRequests requests;
    private final RecordingFiles files;
    private final FootageProperties footage;
    private final EvidenceFormat format;
    private final AccessRegister register;
    private final MessageSource messages;
    private final PdfRenderer pdf;
    private final ReportTemplates templates;

    AccessController(AccessRequests requests, RecordingFiles files, FootageProperties footage, EvidenceFormat format,
                     AccessRegister register, MessageSource messages, PdfRenderer pdf) {
        this.requests = requests;
        this.files = files;
        this.footage = footage;
        this.format = format;
        this.register = register;
        this.messages = messages;
        this.pdf = pdf;
        this.templates = new ReportTemplates(messages);
    }

    @GetMapping("/evidence/requests")
    String list(Model model, HttpServletRequest request) {
        model.addAttribute("requests", visible(request));
        return "evidence/requests";
    }

    /**
     * Who asked for which footage and why is for evidence staff and auditors; anyone else sees their own requests,
     * those they decided, and (an approver) those waiting for a decision.
     */
    private List<AccessRequests.Request> visible(HttpServletRequest request) {
        List<AccessRequests.Request> all = requests.all();
        if (EvidenceModel.seesAllAccess(request)) {
            return all;
        }
        String me = request.getUserPrincipal().getName();
        boolean approver = request.isUserInRole("APPROVER");
        return all.stream().filter(r -> me.equals(r.requester()) || me.equals(r.decidedBy())
                || (approver && "PENDING".equals(r.status()))).toList();
    }

    @PostMapping("/evidence/requests")
    String file(@RequestParam(defaultValue = "") String recordings, @RequestParam(name = "case", defaultValue = "") String caseRef,
                @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String from,
                @RequestParam(defaultValue = "") String until, Principal user, RedirectAttributes redirect, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        try {
            List<Long> ids = RequestInput.ids(recordings);
            LocalDate fromDay = RequestInput.day(from);
            LocalDate untilDay = RequestInput.day(until);
            // the period's last day is included: access ends at the end of it
            long id = requests.file(user.getName(), ids, RequestInput.text(caseRef, RequestInput.CASE),
                    RequestInput.text(reason, RequestInput.REASON), format.startOf(fromDay), format.startOf(untilDay.plusDays(1)));
            redirect.addFlashAttribute("filed", id);
        } catch (AccessRequests.Invalid invalid) {
            return unreadable(invalid, model, request, response);
        } catch (AccessRequests.Refused refused) {
            redirect.addFlashAttribute("refusedCode", refused.getMessage());
        }
        return "redirect:/evidence/requests";
    }

    @PostMapping("/evidence/requests/external")
    String fileExternal(@RequestParam(defaultValue = "") String agencyType, @RequestParam(defaultValue = "") String agencyName,
                        @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String letterRef,
                        @RequestParam(required = false) MultipartFile letter,
                        @RequestParam(defaultValue = "") String recordings, @RequestParam(name = "case", defaultValue = "") String caseRef,
                        @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String from,
                        @RequestParam(defaultValue = "") String until, Principal user, RedirectAttributes redirect, Model model,
                        HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        try {
            if (letter == null || letter.getSize() > Letter.LIMIT) {
                throw new AccessRequests.Refused("evidence.letter.refused.size");
            }
            List<Long> ids = RequestInput.ids(recordings);
            LocalDate fromDay = RequestInput.day(from);
            LocalDate untilDay = RequestInput.day(until);
            Letter checked = Letter.of(letter.getBytes());
            long id = requests.fileExternal(user.getName(), agencyType.trim(), RequestInput.text(agencyName, RequestInput.AGENCY),
                    RequestInput.text(contact, RequestInput.AGENCY), RequestInput.text(letterRef, RequestInput.LETTER_REF),
                    checked, ids, RequestInput.text(caseRef, RequestInput.CASE), RequestInput.text(reason, RequestInput.REASON),
                    format.startOf(fromDay), format.startOf(untilDay.plusDays(1)), footage.home().resolve("letters"));
            redirect.addFlashAttribute("filed", id);
        } catch (AccessRequests.Invalid invalid) {
            return unreadable(invalid, model, request, response);
        } catch (AccessRequests.Refused refused) {
            redirect.addFlashAttribute("refusedCode", refused.getMessage());
        }
        return "redirect:/evidence/requests";
    }

    /** The requests page again, with the form's message and 400: what was sent cannot be read as a request. */
    private String unreadable(AccessRequests.Invalid invalid, Model model, HttpServletRequest request,
                              HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("requests", visible(request));
        model.addAttribute("refusedCode", invalid.getMessage());
        return "evidence/requests";
    }

    @GetMapping("/evidence/register")
    String register(@RequestParam(required = false) String user, @RequestParam(required = false) Long recording,
                    @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model,
                    HttpServletRequest request) {
        user = own(user, request);
        AccessRegister.Filter filter = filter(user, recording, kind, status, from, to);
        AccessRegister.View view = register.of(filter);
        model.addAttribute("requests", view.requests());
        model.addAttribute("uses", view.uses());
        model.addAttribute("kinds", AccessRegister.KINDS);
        model.addAttribute("statuses", AccessRegister.STATUSES);
        model.addAttribute("f", new FilterForm(blankToNull(user), recording, filter.kind(), filter.status(), from, to));
        model.addAttribute("exportQuery", exportQuery(filter.user(), recording, filter.kind(), filter.status(), from, to));
        return "evidence/register";
    }

    /** What the filter form shows back. */
    record FilterForm(String user, Long recording, String kind, String status, LocalDate from, LocalDate to) {
    }

    /** The register as CSV, for the same filter as the page: every request, then every use and refusal. */
    @GetMapping("/evidence/register.csv")
    ResponseEntity<byte[]> registerCsv(@RequestParam(required = false) String user, @RequestParam(required = false) Long recording,
                                       @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       Locale locale, HttpServletRequest request) {
        AccessRegister.View view = register.of(filter(own(user, request), recording, kind, status, from, to));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-register.csv\"")
                .body(RegisterExports.csv(view, format, (code, args) -> messages.getMessage(code, args, code, locale))
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The register as PDF (Chinese text embedded with the report's CJK font), for the same filter as the page. */
    @GetMapping("/evidence/register.pdf")
    ResponseEntity<byte[]> registerPdf(@RequestParam(required = false) String user, @RequestParam(required = false) Long recording,
                                       @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       Locale locale, HttpServletRequest request) {
        user = own(user, request);
        AccessRegister.Filter filter = filter(user, recording, kind, status, from, to);
        String conditions = exportQuery(filter.user(), recording, filter.kind(), filter.status(), from, to);
        byte[] body = RegisterExports.pdf(register.of(filter), conditions, format,
                (code, args) -> messages.getMessage(code, args, code, locale), templates, locale, pdf);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"access-register.pdf\"").body(body);
    }

    /** The register's user filter: anyone's for evidence staff and auditors, else always the reader's own. */
    private static String own(String user, HttpServletRequest request) {
        return EvidenceModel.seesAllAccess(request) ? user : request.getUserPrincipal().getName();
    }

    private AccessRegister.Filter filter(String user, Long recording, String kind, String status, LocalDate from, LocalDate to) {
        String k = blankToNull(kind);
        String st = blankToNull(status);
        if ((k != null && !AccessRegister.KINDS.contains(k)) || (st != null && !AccessRegister.STATUSES.contains(st))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown request kind or status");
        }
        if ((from != null && Params.day(from.toString()) == null) || (to != null && Params.day(to.toString()) == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a date out of range");
        }
        // the last day of the range is included
        return new AccessRegister.Filter(blankToNull(user), recording, k, st, from == null ? null : format.startOf(from),
                to == null ? null : format.startOf(to.plusDays(1)));
    }

    private static String exportQuery(String user, Long recording, String kind, String status, LocalDate from, LocalDate to) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user", user);
        params.put("recording", recording);
        params.put("kind", kind);
        params.put("status", status);
        params.put("from", from);
        params.put("to", to);
        params.forEach((k, v) -> {
            if (v != null) {
                b.queryParam(k, v);
            }
        });
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @PostMapping("/evidence/requests/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Principal user,
                   RedirectAttributes redirect, Model model, HttpServletRequest request, HttpServletResponse response) {
        return decide(id, true, comment, user, redirect, model, request, response);
    }

    @PostMapping("/evidence/requests/{id}/deny")
    String deny(@PathVariable long id, @RequestParam(defaultValue = "") String comment, Principal user,
                RedirectAttributes redirect, Model model, HttpServletRequest request, HttpServletResponse response) {
        return decide(id, false, comment, user, redirect, model, request, response);
    }

    private String decide(long id, boolean approve, String comment, Principal user, RedirectAttributes redirect, Model model,
                          HttpServletRequest request, HttpServletResponse response) {
        try {
            requests.decide(id, approve, comment.trim(), user.getName());
        } catch (AccessRequests.Invalid invalid) {
            return unreadable(invalid, model, request, response);
        } catch (AccessRequests.Refused refused) {
            redirect.addFlashAttribute("refusedCode", refused.getMessage());
        }
        return "redirect:/evidence/requests";
    }

    /**
     * An external request's letter (Art. 17), opened inline by an approver (ConsoleSecurity) from the requests page:
     * read back only when its bytes still have the hash the request was filed with, sent with a policy that lets no
     * script run, each opening ledgered as {@code LETTER_OPENED}.
     */
    @GetMapping("/evidence/requests/{id}/letter")
    ResponseEntity<?> letter(@PathVariable long id, Principal user, HttpMethod method) throws java.io.IOException {
        Optional<Letter> stored = requests.filedLetter(id);
        if (stored.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Letter letter = stored.get();
        Path file = footage.home().resolve("letters").resolve(letter.fileName());
        byte[] bytes = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        if (bytes == null || !Letter.sha256(bytes).equals(letter.sha256())) {
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN)
                    .body("the stored letter is missing or no longer has the hash it was filed with");
        }
        if (method != HttpMethod.HEAD) {
            requests.recordLetterOpened(id, user.getName(), letter);
        }
        String ext = letter.type().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(letter.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("letter-" + id + "." + ext).build().toString())
                // no script, whatever the file holds; a PDF still needs its viewer, which object-src 'none' would block
                .header("Content-Security-Policy", "script-src 'none'; connect-src 'none'; form-action 'none'; "
                        + "frame-ancestors 'none'; base-uri 'none'")
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .body(bytes);
    }

    @GetMapping("/evidence/recordings/{id}/play")
    ResponseEntity<?> play(@PathVariable long id, Principal user, HttpMethod method) {
        return open(id, user.getName(), true, method);
    }

    @GetMapping("/evidence/recordings/{id}/download")
    ResponseEntity<?> download(@PathVariable long id, Principal user, HttpMethod method) {
        return open(id, user.getName(), false, method);
    }

    private ResponseEntity<?> open(long id, String user, boolean play, HttpMethod method) {
        Optional<Path> original = files.original(id);
        if (original.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Long> request = requests.covering(user, id);
        if (request.isEmpty()) {
            requests.recordUse("ACCESS_REFUSED", user, id, null, play ? "play" : "download");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                    .body("no approved, unexpired access request covers recording " + id);
        }
        Path file = play ? files.proxy(id).orElse(original.get()) : original.get();
        if (!inside(file) || !Files.isRegularFile(file)) {
            // a catalogued path that leads outside the stores is never served, whatever the request says
            requests.recordUse("ACCESS_REFUSED", user, id, request.get(), "path outside the archive");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("refused");
        }
        // HEAD (GET's twin in Spring MVC) sends no byte of the footage: not a use
        if (method != HttpMethod.HEAD) {
            requests.recordUse(play ? "RECORDING_PLAYED" : "RECORDING_DOWNLOADED", user, id, request.get(),
                    file.getFileName().toString());
        }
        Resource body = new FileSystemResource(file);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition((play ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.getFileName().toString()).build());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        // played: typed, so the page's audio and video elements take it (an .m4a listening copy is audio/mp4)
        MediaType type = play ? MediaTypeFactory.getMediaType(body).orElse(MediaType.APPLICATION_OCTET_STREAM)
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().headers(headers).contentType(type).body(body);
    }

    private boolean inside(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(footage.archive().toAbsolutePath().normalize())
                || f.startsWith(footage.proxies().toAbsolutePath().normalize())
                || f.startsWith(footage.expired().toAbsolutePath().normalize());
    }
}
