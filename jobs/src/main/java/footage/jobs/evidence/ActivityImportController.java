package footage.jobs.evidence;

import footage.jobs.activity.ActivityUploads;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

/**
 * Activities imported from an uploaded CSV or JSON file (issue 17), as {@code footage activities import FILE} imports
 * them ({@link ActivityUploads}): the good rows stored and ledgered under the logged-in user, each bad row shown with
 * its line and reason. Evidence staff and administrators only (ConsoleSecurity).
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ActivityImportController {

    private final ActivityUploads uploads;
    private final MessageSource messages;

    ActivityImportController(ActivityUploads uploads, MessageSource messages) {
        this.uploads = uploads;
        this.messages = messages;
    }

    @PostMapping("/evidence/activities/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Principal user, Locale locale,
                      RedirectAttributes redirect) throws IOException {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try {
            // no file, or an empty one: refused by the import as an empty file
            ActivityUploads.Outcome r = uploads.importFile(file == null ? new byte[0] : file.getBytes(), user.getName());
            redirect.addFlashAttribute("imported", r);
            redirect.addFlashAttribute("importedFile", name);
            redirect.addFlashAttribute(r.rejected() == 0 ? "notice" : "refused", messages.getMessage(
                    r.rejected() == 0 ? "evidence.import.done" : "evidence.import.partly",
                    new Object[]{name, r.added(), r.updated(), r.unchanged(), r.rejected()}, locale));
        } catch (ActivityUploads.Unreadable e) {
            redirect.addFlashAttribute("refused", messages.getMessage("evidence.import.unreadable",
                    new Object[]{name, e.getMessage()}, locale));
        }
        return "redirect:/evidence/timeline/activity";
    }
}
