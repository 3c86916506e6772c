package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.Sizes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How evidence pages show times and sizes: like the ops console, every time in {@code footage.device-zone}. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EvidenceFormat {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;

    EvidenceFormat(FootageProperties footage) {
        this.zone = footage.deviceZone();
    }

    public String zone() {
        return zone.getId();
    }

    public String at(OffsetDateTime time) {
        return time == null ? "" : SHOWN.format(time.atZoneSameInstant(zone));
    }

    public String local(LocalDateTime time) {
        return time == null ? "" : SHOWN.format(time);
    }

    public String bytes(long n) {
        return Sizes.bytes(n);
    }

    public String seconds(Double s) {
        return s == null ? "" : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** Where a day of the form's date range starts, in reference time. */
    OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
