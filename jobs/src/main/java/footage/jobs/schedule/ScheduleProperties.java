package footage.jobs.schedule;

import footage.jobs.ingest.IngestJobConfiguration;
import footage.jobs.integrity.FixityAuditJobConfiguration;
import footage.jobs.report.ReportJobConfiguration;
import footage.jobs.report.SupervisionReportJobConfiguration;
import footage.jobs.retention.RetentionSweepJobConfiguration;
import footage.jobs.transcode.TranscodeJobConfiguration;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code footage.schedule.*}: one Quartz cron trigger per job ({@code footage.schedule.<name>.cron}, seconds first;
 * {@code footage.schedule.<name>.enabled=false} turns one off); {@code clustered} shares the triggers between
 * {@code serve} processes on one PostgreSQL. Defaults: ingest every 5 min, transcode every 10 min, fixity audit
 * nightly at 02:30, retention sweep daily at 03:00, report daily at 06:00, the supervision report of the month before
 * on the 1st at 07:00 (device zone).
 */
@ConfigurationProperties("footage.schedule")
public record ScheduleProperties(boolean clustered, Entry ingest, Entry report, Entry fixity, Entry sweep, Entry transcode,
                                 Entry supervision) {

    /** {@code cron} null = the default; {@code enabled} null = true. */
    public record Entry(String cron, Boolean enabled) {
        Entry orDefault(String defaultCron) {
            return new Entry(cron == null || cron.isBlank() ? defaultCron : cron, enabled == null || enabled);
        }

        public boolean on() {
            return enabled == null || enabled;
        }
    }

    private static final Entry NONE = new Entry(null, null);

    public ScheduleProperties {
        ingest = (ingest == null ? NONE : ingest).orDefault("0 */5 * * * ?");
        report = (report == null ? NONE : report).orDefault("0 0 6 * * ?");
        fixity = (fixity == null ? NONE : fixity).orDefault("0 30 2 * * ?");
        sweep = (sweep == null ? NONE : sweep).orDefault("0 0 3 * * ?");
        transcode = (transcode == null ? NONE : transcode).orDefault("0 */10 * * * ?");
        supervision = (supervision == null ? NONE : supervision).orDefault("0 0 7 1 * ?");
        for (Map.Entry<String, Entry> e : named(ingest, report, fixity, sweep, transcode, supervision).entrySet()) {
            if (e.getValue().on() && !CronExpression.isValidExpression(e.getValue().cron())) {
                throw new IllegalArgumentException("footage.schedule." + e.getKey() + ".cron is not a Quartz cron expression "
                        + "(seconds minutes hours day-of-month month day-of-week): '" + e.getValue().cron() + "'");
            }
        }
    }

    /** Schedule name -> entry, in a fixed order. */
    public Map<String, Entry> byName() {
        return named(ingest, report, fixity, sweep, transcode, supervision);
    }

    private static Map<String, Entry> named(Entry ingest, Entry report, Entry fixity, Entry sweep, Entry transcode,
                                            Entry supervision) {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("ingest", ingest);
        m.put("report", report);
        m.put("fixity", fixity);
        m.put("sweep", sweep);
        m.put("transcode", transcode);
        m.put("supervision", supervision);
        return m;
    }

    /** The batch job each schedule launches. */
    public static String jobOf(String schedule) {
        return switch (schedule) {
            case "ingest" -> IngestJobConfiguration.JOB_NAME;
            case "report" -> ReportJobConfiguration.JOB_NAME;
            case "fixity" -> FixityAuditJobConfiguration.JOB_NAME;
            case "sweep" -> RetentionSweepJobConfiguration.JOB_NAME;
            case "transcode" -> TranscodeJobConfiguration.JOB_NAME;
            case "supervision" -> SupervisionReportJobConfiguration.JOB_NAME;
            default -> throw new IllegalArgumentException("no schedule named " + schedule);
        };
    }
}
