package footage.jobs.schedule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.ZoneId;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How serve stores its schedules' jobs and triggers in Quartz when another clustered serve starts at the same moment. */
class SchedulesTests {

    private static final JobKey KEY = JobKey.jobKey("ingest", Schedules.GROUP);
    private static final TriggerKey TRIGGER = TriggerKey.triggerKey("ingest", Schedules.GROUP);

    private Scheduler quartz;

    @BeforeEach
    void aScheduler() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "schedules-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz = new StdSchedulerFactory(properties).getScheduler();
    }

    @AfterEach
    void shutDown() throws Exception {
        quartz.shutdown();
    }

    @Test
    void aJobThatAnotherServeStoredBetweenQuartzsLookAndItsInsertIsReplacedAndServeStarts() throws Exception {
        // given a store that fails as Quartz's did in CI: the other serve's insert won, ours hit its key
        Scheduler racing = failingFirst("addJob", () -> quartz.addJob(job("the other serve's"), false));

        // when
        Schedules.storeJob(racing, job("ingestJob"));

        // then our job is the one stored
        assertThat(quartz.getJobDetail(KEY).getJobDataMap().getString(LaunchBatchJob.JOB_NAME)).isEqualTo("ingestJob");
    }

    @Test
    void aStoreThatFailedAndLeftNoJobFailsAsItDid() {
        // given a store that fails with nothing stored by anybody
        Scheduler failing = failingFirst("addJob", () -> { });

        // when / then
        assertThatThrownBy(() -> Schedules.storeJob(failing, job("ingestJob"))).isInstanceOf(JobPersistenceException.class)
                .hasMessageContaining("duplicate key");
    }

    @Test
    void aTriggerThatAnotherServeRegisteredBetweenQuartzsLookAndItsInsertIsTakenOverAndServeStarts() throws Exception {
        // given the job stored, and the other serve's trigger (another cron) inserted just before ours hit its key
        quartz.addJob(job("ingestJob"), true);
        Scheduler racing = failingFirst("scheduleJob", () -> quartz.scheduleJob(trigger("0 0 * * * ?")));

        // when
        Schedules.registerTrigger(racing, trigger("0 */5 * * * ?"));

        // then ours is the one that fires
        assertThat(((CronTrigger) quartz.getTrigger(TRIGGER)).getCronExpression()).isEqualTo("0 */5 * * * ?");
    }

    @Test
    void aTriggerThatFailedAndLeftNoTriggerFailsAsItDid() throws Exception {
        // given a schedule that fails with nothing registered by anybody
        quartz.addJob(job("ingestJob"), true);
        Scheduler failing = failingFirst("scheduleJob", () -> { });

        // when / then
        assertThatThrownBy(() -> Schedules.registerTrigger(failing, trigger("0 */5 * * * ?")))
                .isInstanceOf(JobPersistenceException.class).hasMessageContaining("duplicate key");
        assertThat(quartz.getTrigger(TRIGGER)).isNull();
    }

    @Test
    void aRescheduleThatRacedAnotherServesToTheSameCronIsNotAFailure() throws Exception {
        // given a stored trigger of an old cron, and the other serve's reschedule to the new one winning over ours
        quartz.addJob(job("ingestJob"), true);
        quartz.scheduleJob(trigger("0 0 * * * ?"));
        Scheduler racing = failingFirst("rescheduleJob", () -> quartz.rescheduleJob(TRIGGER, trigger("0 */5 * * * ?")));

        // when
        Schedules.registerTrigger(racing, trigger("0 */5 * * * ?"));

        // then
        assertThat(((CronTrigger) quartz.getTrigger(TRIGGER)).getCronExpression()).isEqualTo("0 */5 * * * ?");
    }

    private static CronTrigger trigger(String cron) {
        return Schedules.trigger("ingest", cron, ZoneId.of("Asia/Shanghai"), job("ingestJob"));
    }

    private interface Race {
        void run() throws Exception;
    }

    /** The scheduler, but the first call of {@code method} fails on a duplicate key after {@code other} ran. */
    private Scheduler failingFirst(String method, Race other) {
        boolean[] failed = {false};
        return (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(), new Class<?>[] {Scheduler.class}, (proxy, m, args) -> {
            if (m.getName().equals(method) && !failed[0]) {
                failed[0] = true;
                other.run();
                throw new JobPersistenceException("Couldn't store it: ERROR: duplicate key value violates unique "
                        + "constraint \"qrtz_" + (method.equals("addJob") ? "job_details" : "triggers") + "_pkey\"");
            }
            try {
                return m.invoke(quartz, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static JobDetail job(String jobName) {
        return JobBuilder.newJob(LaunchBatchJob.class).withIdentity(KEY).usingJobData(LaunchBatchJob.JOB_NAME, jobName)
                .storeDurably().build();
    }

}
