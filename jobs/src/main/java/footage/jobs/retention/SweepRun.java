package footage.jobs.retention;

import org.springframework.batch.core.job.JobExecution;

import java.time.Instant;
import java.time.ZoneId;

/** Facts of one sweep that every step reads from its job execution. */
final class SweepRun {

    /** Key of the disposition report's path in the job's execution context. */
    static final String REPORT_KEY = "sweep.report";

    private SweepRun() {
    }

    /**
     * The moment the sweep decides expiry by: the job parameter {@code run.at}, so a restart of a failed sweep
     * (same instance, same parameters) judges by the same day as the run it continues.
     */
    static Instant asOf(JobExecution job) {
        Long runAt = job.getJobParameters().getLong("run.at");
        return runAt != null ? Instant.ofEpochMilli(runAt) : job.getCreateTime().atZone(ZoneId.systemDefault()).toInstant();
    }

    /** Sweeps are named by their job instance: restarts of one sweep are the same sweep. */
    static long id(JobExecution job) {
        return job.getJobInstanceId();
    }
}
