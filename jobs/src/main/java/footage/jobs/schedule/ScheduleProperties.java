package footage.jobs.schedule;

import footage.jobs.ingest.IngestJobConfiguration;
import footage.jobs.fixity.FixityAuditJobConfiguration;
import footage.jobs.report.ReportJobConfiguration;
import footage.jobs.report.SupervisionReportJobConfiguration;
import footage.jobs.retention.RetentionSweepJobConfiguration;
import footage.jobs.transcode.TranscodeJobConfiguration;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.bind.Binder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code footage.schedule.*}: one Quartz cron trigger per scheduled job ({@code footage.schedule.<name>.cron}, seconds
 * first; {@code footage.schedule.<name>.enabled=false} turns one off); {@code clustered} shares the triggers between
 * {@code serve} processes on one PostgreSQL. Defaults: ingest every 5 min, transcode every 10 min, fixity audit
 * nightly at 02:30, retention sweep daily at 03:00, report daily at 06:00, the supervision report of the month before
 * on the 1st at 07:00 (device zone).
 *
 * @param byName schedule name -> entry, in {@link #SCHEDULES}' order
 */
public record ScheduleProperties(boolean clustered, Map<String, Entry> byName) {

    /** A schedule: its name in {@code footage.schedule.<name>}, the job it launches and its cron unless configured. */
    record Schedule(String name, String job, String defaultCron) {
    }

    /** Every schedule: a new scheduled job is one more line here (and a row in the README's configuration table). */
    static final List<Schedule> SCHEDULES = List.of(
            new Schedule("ingest", IngestJobConfiguration.JOB_NAME, "0 */5 * * * ?"),
            new Schedule("report", ReportJobConfiguration.JOB_NAME, "0 0 6 * * ?"),
            new Schedule("fixity", FixityAuditJobConfiguration.JOB_NAME, "0 30 2 * * ?"),
            new Schedule("sweep", RetentionSweepJobConfiguration.JOB_NAME, "0 0 3 * * ?"),
            new Schedule("transcode", TranscodeJobConfiguration.JOB_NAME, "0 */10 * * * ?"),
            new Schedule("supervision", SupervisionReportJobConfiguration.JOB_NAME, "0 0 7 1 * ?"));

    /** One schedule as configured: the job it launches, its cron (the default unless given) and whether it is on. */
    public record Entry(String job, String cron, boolean on) {
    }

    /** What {@code footage.schedule.<name>.cron} and {@code .enabled} bind to; null = not given. */
    record Configured(String cron, Boolean enabled) {
    }

    public ScheduleProperties {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        for (Map.Entry<String, Entry> e : byName.entrySet()) {
            if (e.getValue().on() && !CronExpression.isValidExpression(e.getValue().cron())) {
                throw new IllegalArgumentException("footage.schedule." + e.getKey() + ".cron is not a Quartz cron expression "
                        + "(seconds minutes hours day-of-month month day-of-week): '" + e.getValue().cron() + "'");
            }
        }
    }

    /** Each schedule of {@link #SCHEDULES} as the environment configures it; a bad cron of one that is on is refused. */
    static ScheduleProperties bind(Binder binder) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Schedule s : SCHEDULES) {
            Configured c = binder.bind("footage.schedule." + s.name(), Configured.class).orElse(new Configured(null, null));
            byName.put(s.name(), new Entry(s.job(), c.cron() == null || c.cron().isBlank() ? s.defaultCron() : c.cron(),
                    c.enabled() == null || c.enabled()));
        }
        return new ScheduleProperties(binder.bind("footage.schedule.clustered", Boolean.class).orElse(false), byName);
    }
}
