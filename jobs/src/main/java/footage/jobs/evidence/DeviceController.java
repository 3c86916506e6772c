package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.devices.DeviceRegister;
import footage.pipeline.time.StrictTimes;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.security.Principal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The device register in the console (issue 19, docs/formats.md §9): the register, and a device's page with its assignments,
 * status history, damage reports, recordings and findings. Everyone on the evidence console reads; evidence staff and
 * administrators import, assign, report damage, repair and retire (ConsoleSecurity), through the very service the
 * {@code footage devices} commands use, the logged-in user as the actor.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DeviceController {

    private final DeviceRegister register;
    private final RecordingFiles recordings;
    private final FootageProperties properties;

    DeviceController(DeviceRegister register, RecordingFiles recordings, FootageProperties properties) {
        this.register = register;
        this.recordings = recordings;
        this.properties = properties;
    }

    @GetMapping("/evidence/devices")
    String devices(Model model) {
        model.addAttribute("devices", register.list().stream().map(d -> Map.of("device", d,
                "officer", register.currentAssignment(d.id()).map(a -> a.officerName() == null ? a.officerId()
                        : a.officerName() + " (" + a.officerId() + ")").orElse("—"))).toList());
        return "evidence/devices";
    }

    @GetMapping("/evidence/devices/device")
    String device(@RequestParam(defaultValue = "") String id, Model model, HttpServletResponse response) {
        var device = register.find(id);
        if (device.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", "device " + id);
            return "evidence/notfound";
        }
        model.addAttribute("device", device.get());
        model.addAttribute("assignments", register.assignments(id));
        model.addAttribute("statuses", register.statusHistory(id));
        model.addAttribute("damageReports", register.damageReports(id));
        model.addAttribute("recordings", recordings.ofDevice(id));
        model.addAttribute("findings", recordings.findingsOfDevice(id));
        return "evidence/device";
    }

    @PostMapping("/evidence/devices/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Principal user, RedirectAttributes redirect) throws IOException {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try {
            DeviceRegister.Imported r = register.importFile(file == null ? new byte[0] : file.getBytes(), properties.deviceZone(),
                    user.getName());
            if (r.errors().isEmpty()) {
                redirect.addFlashAttribute("notice", name + ": " + r.added() + " added, " + r.updated() + " updated, " + r.unchanged()
                        + " unchanged, " + r.assigned() + " assignment(s) made");
            } else {
                redirect.addFlashAttribute("refused", name + ": " + r.errors().size() + " bad line(s), nothing was imported");
                redirect.addFlashAttribute("importErrors", r.errors());
            }
        } catch (DeviceRegister.Refused e) {
            redirect.addFlashAttribute("refused", name + ": " + e.getMessage());
        }
        return "redirect:/evidence/devices";
    }

    @PostMapping("/evidence/devices/assign")
    String assign(@RequestParam String id, @RequestParam(defaultValue = "") String officer, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String from, Principal user, RedirectAttributes redirect) {
        return change(id, redirect, () -> register.assign(id, officer.strip(), name.isBlank() ? null : name.strip(), time(from),
                user.getName()) ? id + " assigned to " + officer.strip() : id + " is already assigned to " + officer.strip());
    }

    @PostMapping("/evidence/devices/damage")
    String damage(@RequestParam String id, @RequestParam(defaultValue = "") String at, @RequestParam(defaultValue = "") String note,
                  Principal user, RedirectAttributes redirect) {
        return change(id, redirect, () -> "damage report " + register.damage(id, time(at), note, user.getName()) + " on " + id);
    }

    @PostMapping("/evidence/devices/repaired")
    String repaired(@RequestParam String id, @RequestParam(defaultValue = "") String at, Principal user, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            register.repaired(id, time(at), user.getName());
            return id + " is IN_SERVICE";
        });
    }

    @PostMapping("/evidence/devices/retire")
    String retire(@RequestParam String id, @RequestParam(defaultValue = "") String at, Principal user, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            register.retire(id, time(at), user.getName());
            return id + " is RETIRED";
        });
    }

    private String change(String id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (DeviceRegister.Refused e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/evidence/devices/device").queryParam("id", id).encode().build().toUriString();
    }

    /** A form's time: ISO-8601 with offset, or a local date-time (an HTML datetime-local field) in the device zone. */
    private OffsetDateTime time(String value) {
        if (value == null || value.isBlank()) {
            throw new RefusedTime("a time is required");
        }
        try {
            return StrictTimes.dateTime(value, properties.deviceZone(), false);
        } catch (DateTimeException e) {
            throw new RefusedTime(e.getMessage());
        }
    }

    /** Reported as the register's own refusals are. */
    private static final class RefusedTime extends DeviceRegister.Refused {
        RefusedTime(String message) {
            super(message);
        }
    }
}
