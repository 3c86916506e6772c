package footage.jobs.evidence;

import footage.jobs.export.BagExports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An external request's BagIt exports (issue 17, Art. 17): the page lists them with their size and the SHA-256 of
 * their tag manifest; evidence staff and administrators start one (ConsoleSecurity), which runs as
 * {@code requestExportJob}; the request's requester downloads the finished bag as one zip, streamed.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestExportController {

    private final AccessRequests requests;
    private final RequestExports exports;
    private final ExportRecords records;
    private final MessageSource messages;

    RequestExportController(AccessRequests requests, RequestExports exports, ExportRecords records, MessageSource messages) {
        this.requests = requests;
        this.exports = exports;
        this.records = records;
        this.messages = messages;
    }

    @GetMapping("/evidence/requests/{id}/exports")
    String page(@PathVariable long id, Model model, Principal user, HttpServletResponse response) {
        Optional<AccessRequests.Request> r = requests.find(id);
        if (r.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", "access request " + id);
            return "evidence/notfound";
        }
        List<ExportRecords.Export> list = records.of(id);
        boolean running = list.stream().anyMatch(ExportRecords.Export::running);
        model.addAttribute("q", r.get());
        model.addAttribute("exports", list);
        model.addAttribute("notExportable", exports.whyNotExportable(r.get()).orElse(null));
        model.addAttribute("isRequester", r.get().requester().equals(user.getName()));
        model.addAttribute("running", running);
        model.addAttribute("refreshMillis", running ? 1500L : 0L);
        return "evidence/exports";
    }

    @PostMapping("/evidence/requests/{id}/export")
    String start(@PathVariable long id, Principal user, Locale locale, RedirectAttributes redirect) {
        try {
            RequestExports.Started s = exports.start(id, user.getName());
            String code = s.execution() == null ? "evidence.export.started"
                    : "COMPLETED".equals(s.status()) ? "evidence.export.finished" : "evidence.export.ended";
            redirect.addFlashAttribute("notice", messages.getMessage(code,
                    new Object[]{id, s.execution() == null ? "" : s.execution(), s.status()}, locale));
        } catch (RequestExports.Refused e) {
            redirect.addFlashAttribute("refused", messages.getMessage(e.code(), new Object[]{e.argument()}, e.code(), locale));
        }
        return "redirect:/evidence/requests/" + id + "/exports";
    }

    @GetMapping("/evidence/requests/{id}/exports/{export}/bag.zip")
    ResponseEntity<StreamingResponseBody> download(@PathVariable long id, @PathVariable long export, Principal user,
                                                   Locale locale) {
        ExportRecords.Export e;
        try {
            e = exports.download(id, export, user.getName());
        } catch (RequestExports.Refused refused) {
            HttpStatus status = "evidence.export.refused.unknown".equals(refused.code()) ? HttpStatus.NOT_FOUND
                    : HttpStatus.FORBIDDEN;
            byte[] why = messages.getMessage(refused.code(), new Object[]{refused.argument()}, refused.code(), locale)
                    .getBytes(StandardCharsets.UTF_8);
            return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(out -> out.write(why));
        }
        Path bag = Path.of(e.bagPath());
        StreamingResponseBody body = out -> BagExports.zip(bag, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.bagName() + ".zip").build().toString())
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
