package footage.jobs.schedule;

import footage.jobs.runs.JobRuns;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * Brings the scheduler's triggers in line with {@code footage.schedule.*} and runs it. Misfire policy: a firing
 * missed while no {@code serve} ran (or all threads were busy) fires once as soon as possible, then the cron
 * resumes — one catch-up run, never one per missed firing.
 */
@Component
public class Schedules {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);
    static final String GROUP = "footage";

    private final Scheduler scheduler;
    private final ScheduleProperties properties;
    private final JobRuns runs;
    private final ZoneId zone;

    Schedules(Scheduler scheduler, Environment environment, JobRuns runs, footage.jobs.FootageProperties footage) {
        this.scheduler = scheduler;
        this.properties = ScheduleProperties.bind(Binder.get(environment));
        this.runs = runs;
        this.zone = footage.deviceZone();
    }

    public record Line(String schedule, String job, String cron, boolean enabled, String state, Date previous, Date next) {
    }

    /** Registers, updates or removes each trigger as configured, then starts firing. */
    public void start() throws SchedulerException {
        for (var e : properties.byName().entrySet()) {
            String schedule = e.getKey();
            String jobName = e.getValue().job();
            TriggerKey key = TriggerKey.triggerKey(schedule, GROUP);
            if (!e.getValue().on() || !runs.jobNames().contains(jobName)) {
                if (scheduler.unscheduleJob(key)) {
                    log.info("schedule {}: removed ({})", schedule, e.getValue().on() ? "no job " + jobName : "disabled");
                }
                continue;
            }
            JobDetail detail = JobBuilder.newJob(LaunchBatchJob.class).withIdentity(JobKey.jobKey(schedule, GROUP))
                    .usingJobData(LaunchBatchJob.JOB_NAME, jobName).storeDurably().build();
            CronTrigger trigger = trigger(schedule, e.getValue().cron(), detail);
            storeJob(scheduler, detail);
            registerTrigger(scheduler, trigger);
        }
        scheduler.start();
        lines().forEach(l -> log.info("schedule {} -> {}: '{}' {}, next {}", l.schedule(), l.job(), l.cron(), l.state(), l.next()));
    }

    /** Stores a schedule's job, replacing the one stored before. */
    static void storeJob(Scheduler scheduler, JobDetail detail) throws SchedulerException {
        try {
            scheduler.addJob(detail, true);
        } catch (JobPersistenceException raced) {
            // two clustered serves starting together can both find the job missing and both insert it; the loser's
            // start failed on the duplicate key (ClusteredServeTests, once in CI). The other's job is there now:
            // storing again replaces it. A failure that left no job is the failure it was.
            if (!scheduler.checkExists(detail.getKey())) {
                throw raced;
            }
            scheduler.addJob(detail, true);
        }
    }

    /**
     * Schedules the trigger, or reschedules the stored one when its cron differs. Quartz's look and its insert (or
     * delete and insert) are separate statements here, not one locked transaction: a clustered serve starting at the
     * same moment may register the same trigger in between, and ours then fails on its key (Quartz's
     * ObjectAlreadyExistsException, or the database's duplicate key). That is not a failure when the trigger stored
     * now is the one wanted.
     */
    static void registerTrigger(Scheduler scheduler, CronTrigger trigger) throws SchedulerException {
        TriggerKey key = trigger.getKey();
        Trigger existing = scheduler.getTrigger(key);
        if (existing == null) {
            try {
                scheduler.scheduleJob(trigger);
                return;
            } catch (JobPersistenceException raced) {
                existing = scheduler.getTrigger(key);
                if (existing == null) {
                    throw raced;
                }
            }
        }
        if (!sameCron(existing, trigger)) {
            try {
                scheduler.rescheduleJob(key, trigger);
            } catch (JobPersistenceException raced) {
                if (!sameCron(scheduler.getTrigger(key), trigger)) {
                    throw raced;
                }
            }
        }
    }

    private static boolean sameCron(Trigger stored, CronTrigger wanted) {
        return stored instanceof CronTrigger c && c.getCronExpression().equals(wanted.getCronExpression());
    }

    CronTrigger trigger(String schedule, String cron, JobDetail detail) {
        return trigger(schedule, cron, zone, detail);
    }

    /** The trigger of one schedule: its cron in the device zone, misfires fired once at once (fire-and-proceed). */
    static CronTrigger trigger(String schedule, String cron, ZoneId zone, JobDetail detail) {
        return TriggerBuilder.newTrigger().withIdentity(schedule, GROUP).forJob(detail)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    public List<Line> lines() throws SchedulerException {
        List<Line> out = new ArrayList<>();
        for (var e : properties.byName().entrySet()) {
            TriggerKey key = TriggerKey.triggerKey(e.getKey(), GROUP);
            Trigger t = scheduler.getTrigger(key);
            out.add(new Line(e.getKey(), e.getValue().job(), e.getValue().cron(), e.getValue().on(),
                    t == null ? "NONE" : scheduler.getTriggerState(key).name(), t == null ? null : t.getPreviousFireTime(),
                    t == null ? null : t.getNextFireTime()));
        }
        return out;
    }

    public void pause(String schedule) throws SchedulerException {
        scheduler.pauseTrigger(TriggerKey.triggerKey(schedule, GROUP));
    }

    public void resume(String schedule) throws SchedulerException {
        scheduler.resumeTrigger(TriggerKey.triggerKey(schedule, GROUP));
    }

    public void fireNow(String schedule) throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(schedule, GROUP));
    }

    public boolean running() throws SchedulerException {
        return scheduler.isStarted() && !scheduler.isShutdown();
    }
}
