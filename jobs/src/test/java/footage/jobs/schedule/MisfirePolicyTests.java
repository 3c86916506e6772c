package footage.jobs.schedule;

import footage.jobs.FootageProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedules' misfire policy (a firing missed while no {@code serve} ran fires once, at once, then the cron goes on;
 * never once per missed firing), shown on a real Quartz scheduler; and a bad cron refused at start-up by name.
 */
class MisfirePolicyTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<Date> FIRED = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path home;

    /** Records when each firing was due. */
    public static class Recorder implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            FIRED.add(context.getScheduledFireTime());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDailyScheduleThatMissedFiveFiringsFiresOnceAtOnceThenKeepsItsTime() throws Exception {
        // given the trigger serve makes for a daily schedule, registered five days ago and not run since
        ZonedDateTime hourAgo = ZonedDateTime.now(ZONE).minusHours(1);
        String cron = "0 " + hourAgo.getMinute() + " " + hourAgo.getHour() + " * * ?";
        JobDetail detail = JobBuilder.newJob(Recorder.class).withIdentity("report", Schedules.GROUP).storeDurably().build();
        CronTrigger trigger = Schedules.trigger("report", cron, ZONE, detail);
        Date fiveDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(5).plusMinutes(1)));
        CronTrigger missedFive = trigger.getTriggerBuilder().startAt(fiveDaysAgo).build();

        // when a scheduler starts with it
        List<Date> fired = run(detail, missedFive);

        // then it fired once, straight away, and its next firing is the cron's next time, in about 23 hours
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0)).isAfter(Date.from(Instant.now().minusSeconds(30)));
        assertThat(missedFive.getFireTimeAfter(new Date())).isAfter(Date.from(Instant.now().plus(Duration.ofHours(22))));

        // and the same trigger without that policy would have run once per missed firing: what the policy prevents
        CronTrigger ignoring = missedFive.getTriggerBuilder().withSchedule(CronScheduleBuilder.cronSchedule(cron)
                .inTimeZone(TimeZone.getTimeZone(ZONE)).withMisfireHandlingInstructionIgnoreMisfires()).build();
        assertThat(run(detail, ignoring)).hasSize(5);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBadCronFailsStartUpNamingTheProperty() {
        // given a report schedule that is not a Quartz cron expression (hour 25)
        String bad = "--footage.schedule.report.cron=0 0 25 * * ?";

        // when serve starts with it (its own JVM, on an embedded catalog)
        try (FootageProcess serve = FootageProcess.start(home, FootageProcess.logs(getClass(), "bad-cron").resolve("serve.log"),
                List.of("serve", "--server.port=0", bad))) {
            int code = serve.awaitExit(Duration.ofSeconds(90));

            // then start-up fails as bad configuration (exit 2), the one line naming the property and its value
            assertThat(code).as(serve.output()).isEqualTo(2);
            assertThat(serve.lines()).filteredOn(l -> l.startsWith("footage: ")).singleElement().satisfies(l -> assertThat(l)
                    .startsWith("footage: bad configuration: footage.schedule.report.cron is not a Quartz cron expression")
                    .contains("'0 0 25 * * ?'"));
            assertThat(serve.output()).doesNotContain("serve: running");
        }
    }


    /** Runs a fresh in-memory scheduler with the trigger for two seconds; the due times of the firings. */
    private static List<Date> run(JobDetail detail, CronTrigger trigger) throws Exception {
        FIRED.clear();
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "misfire-" + UUID.randomUUID());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000"); // as in application.properties
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        try {
            scheduler.scheduleJob(detail, trigger);
            scheduler.start();
            Thread.sleep(2000);
        } finally {
            scheduler.shutdown(true);
        }
        return List.copyOf(FIRED);
    }
}
