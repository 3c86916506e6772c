package footage.jobs.console;

import footage.jobs.FootageProperties;
import footage.jobs.Sizes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * How the console shows times and sizes. Every time the console shows is in {@code footage.device-zone}. Spring Batch records its times as local date-times
 * of the JVM's zone, so those are converted from that zone first.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleFormat {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;
    private final ZoneId batchZone;

    @Autowired
    ConsoleFormat(FootageProperties footage) {
        this(footage.deviceZone(), ZoneId.systemDefault());
    }

    ConsoleFormat(ZoneId zone, ZoneId batchZone) {
        this.zone = zone;
        this.batchZone = batchZone;
    }

    public String zone() {
        return zone.getId();
    }

    public String time(LocalDateTime batchTime) {
        return batchTime == null ? "" : SHOWN.format(batchTime.atZone(batchZone).withZoneSameInstant(zone));
    }

    public String date(Date date) {
        return date == null ? "" : SHOWN.format(date.toInstant().atZone(zone));
    }

    public String at(OffsetDateTime time) {
        return time == null ? "" : SHOWN.format(time.atZoneSameInstant(zone));
    }

    /** From start to end, or to now while it runs: "2 h 03 min", "4 min 05 s", "12.3 s". */
    public String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "";
        }
        Duration d = Duration.between(start, end != null ? end : LocalDateTime.now(batchZone));
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long s = d.toSeconds();
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** "1.5 GiB": binary units, one decimal. */
    public String bytes(Long n) {
        return n == null ? "" : Sizes.bytes(n);
    }

    /** The first instant of a day in the device zone, as Spring Batch would have recorded it. */
    LocalDateTime batchStartOf(LocalDate day) {
        return day.atStartOfDay(zone).withZoneSameInstant(batchZone).toLocalDateTime();
    }

    LocalDateTime batchNow() {
        return LocalDateTime.now(batchZone);
    }
}
