package footage.jobs.schedule;

import footage.jobs.runs.JobRunRefused;
import footage.jobs.runs.JobRuns;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quartz firing: launches the batch job through the one launcher. Never two at once for the same trigger
 * (in a cluster too); a firing while the job runs (e.g. started from the CLI) is skipped with a log line.
 */
@DisallowConcurrentExecution
class LaunchBatchJob implements Job {

    static final String JOB_NAME = "jobName";
    private static final Logger log = LoggerFactory.getLogger(LaunchBatchJob.class);

    private final JobRuns runs;

    LaunchBatchJob(JobRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String jobName = context.getMergedJobDataMap().getString(JOB_NAME);
        // the firing's scheduled time names it: in a cluster, each firing is run by one node only
        String firing = context.getTrigger().getKey().getName() + " (firing of "
                + (context.getScheduledFireTime() == null ? "now" : context.getScheduledFireTime().toInstant()) + ")";
        try {
            var execution = runs.run(jobName);
            log.info("schedule {}: execution {} ended {}", firing, execution.getId(), execution.getStatus());
        } catch (JobRunRefused e) {
            log.info("schedule {}: skipped, {}", firing, e.getMessage());
        }
    }
}
