package footage.jobs.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * When the database connection is lost mid-chunk (database restarted, connection killed), the chunk's rollback fails
 * too, and Spring Batch, unable to tell whether the chunk committed, marks the step and the job UNKNOWN — which it then
 * refuses to restart. For ingest the outcome does not matter: every step is idempotent and the catalog is the restart
 * state (a file stays PENDING until the transaction that settles it commits; an object already renamed into the archive
 * is verified and reused). So an UNKNOWN ingest ends FAILED, saying why, and can be restarted like any failed run.
 */
class RestartableAfterLostConnection implements JobExecutionListener {

    static final String REASON = "a chunk's transaction ended with an unknown outcome (the database connection was lost); "
            + "ingest is restartable all the same: the catalog is its restart state";

    private static final Logger log = LoggerFactory.getLogger(RestartableAfterLostConnection.class);

    private final JobRepository repository;

    RestartableAfterLostConnection(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public void afterJob(JobExecution job) {
        if (job.getStatus() != BatchStatus.UNKNOWN) {
            return;
        }
        for (StepExecution step : job.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), REASON)
                        .addExitDescription(step.getExitStatus().getExitDescription()));
                repository.update(step);
            }
        }
        job.setStatus(BatchStatus.FAILED);
        job.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), REASON)
                .addExitDescription(job.getExitStatus().getExitDescription()));
        log.warn("ingest: execution {} FAILED: {}", job.getId(), REASON);
    }
}
