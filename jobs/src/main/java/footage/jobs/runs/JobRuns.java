package footage.jobs.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The one way jobs are started, restarted, stopped and abandoned — from the CLI, the schedules and the console.
 * Launches and restarts of a job are serialised across processes ({@link JobClaims}): Spring Batch 6.0.x can run a
 * step twice when two restarts of one failed instance race (upstream issue 5397). Executions left STARTED by a
 * dead process are recovered at start-up; on shutdown this process's running jobs are stopped at a chunk boundary.
 */
@Service
public class JobRuns {

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Map<String, Job> jobs;
    private final JobHistory history;
    private final JobClaims claims;
    private final OperationsProperties properties;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Long> recovered = new CopyOnWriteArrayList<>();

    JobRuns(JobOperator operator, JobRepository repository, Map<String, Job> jobs, JobHistory history, JobClaims claims,
            OperationsProperties properties) {
        this.operator = operator;
        this.repository = repository;
        this.jobs = jobs;
        this.history = history;
        this.claims = claims;
        this.properties = properties;
    }

    public List<String> jobNames() {
        return jobs.keySet().stream().sorted().toList();
    }

    /** Starts a new instance of the job and waits for it to end. */
    public JobExecution run(String jobName) {
        return run(jobName, new JobParameters());
    }

    /** Starts a new instance of the job with these parameters (and {@code run.at}) and waits for it to end. */
    public JobExecution run(String jobName, JobParameters parameters) {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new JobRunRefused("no job named " + jobName + "; jobs: " + jobNames());
        }
        return claimed(jobName, () -> operator.start(job, new JobParametersBuilder(parameters)
                .addLong("run.at", System.currentTimeMillis())
                .toJobParameters()));
    }

    /** Restarts a failed or stopped execution (same instance, from where it stopped) and waits for it to end. */
    public JobExecution restart(long executionId) {
        String jobName = restartable(executionId);
        return claimed(jobName, () -> restartClaimed(executionId));
    }

    /**
     * Claims the job now, in the caller's thread, then restarts the execution in a thread of its own: whatever tries
     * to launch the job after this returns (a schedule firing as {@code serve} starts) is refused, not the restart.
     */
    public void restartInBackground(long executionId) {
        String jobName = restartable(executionId);
        claim(jobName);
        Thread thread = new Thread(() -> {
            try {
                JobExecution e = launchClaimed(jobName, () -> restartClaimed(executionId));
                log.info("restarted execution {} of {} as execution {}: {}", executionId, jobName, e.getId(), e.getStatus());
            } catch (JobRunRefused e) {
                log.warn("execution {} of {} not restarted: {}", executionId, jobName, e.getMessage());
            }
        }, "footage-restart-" + executionId);
        thread.start();
    }

    /** The job's name when the execution's state allows a restart; else refused in words. */
    private String restartable(long executionId) {
        JobExecution execution = execution(executionId);
        String jobName = execution.getJobInstance().getJobName();
        switch (execution.getStatus()) {
            case COMPLETED -> throw new JobRunRefused("execution " + executionId + " of " + jobName
                    + " COMPLETED: there is nothing to restart (start a new run instead)");
            case ABANDONED -> throw new JobRunRefused("execution " + executionId + " was ABANDONED: it can no longer be restarted");
            default -> { }
        }
        if (execution.isRunning() && claims.ownerAlive(jobName)) {
            throw new JobRunRefused("execution " + executionId + " is " + execution.getStatus() + " and its process is alive: stop it first");
        }
        return jobName;
    }

    /** The restart itself, once the job is claimed. */
    private JobExecution restartClaimed(long executionId) throws Exception {
        // read again under the claim: a concurrent restart may have got here first
        JobExecution current = execution(executionId);
        if (current.isRunning()) {
            recover(current);
        }
        JobExecution last = repository.getLastJobExecution(current.getJobInstance());
        if (last != null && last.getId() != executionId) {
            throw new JobRunRefused("execution " + executionId + " was already restarted as execution " + last.getId()
                    + " (" + last.getStatus() + ")");
        }
        return execution(operator.restart(executionId));
    }

    /** Asks a running execution to stop at its next chunk boundary (it ends STOPPED and can be restarted). */
    public void stop(long executionId) {
        JobExecution execution = execution(executionId);
        if (!execution.isRunning()) {
            throw new JobRunRefused("execution " + executionId + " is " + execution.getStatus() + ", not running: nothing to stop");
        }
        try {
            markStopping(executionId);
        } catch (RuntimeException e) {
            throw new JobRunRefused("execution " + executionId + " could not be stopped: " + e.getMessage());
        }
    }

    /**
     * Marks the execution STOPPING in the repository; the step that runs it sees that when it next saves its own
     * execution (at every chunk boundary Batch reads its job's status) and ends STOPPED. Not {@link JobOperator#stop}:
     * in Spring Batch 6.0.x it also saves each running step's execution from this thread, a copy whose version races
     * with the step's own thread; when the step's next save loses that race the execution ends UNKNOWN and can never be
     * restarted (upstream issues 5120 and 5308). The job's own execution is safe to save from here: Batch takes a newer
     * status and version from the repository before each save of it.
     */
    private void markStopping(long executionId) {
        for (int attempt = 1; ; attempt++) {
            JobExecution execution = repository.getJobExecution(executionId);
            if (execution == null || !execution.isRunning()) {
                return;
            }
            execution.setStatus(BatchStatus.STOPPING);
            try {
                repository.update(execution);
                return;
            } catch (OptimisticLockingFailureException e) {
                // the job's thread saved the execution in between: read it again
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Marks a failed or stopped execution as never to be restarted. */
    public JobExecution abandon(long executionId) {
        JobExecution execution = execution(executionId);
        if (execution.isRunning()) {
            throw new JobRunRefused("execution " + executionId + " is " + execution.getStatus() + ": stop it before abandoning it");
        }
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
            throw new JobRunRefused("execution " + executionId + " is " + execution.getStatus() + ": only failed or stopped executions can be abandoned");
        }
        try {
            return operator.abandon(executionId);
        } catch (Exception e) {
            throw new JobRunRefused("execution " + executionId + " could not be abandoned: " + e.getMessage());
        }
    }

    public JobExecution execution(long executionId) {
        return history.execution(executionId);
    }

    private interface Launch {
        JobExecution launch() throws Exception;
    }

    private JobExecution claimed(String jobName, Launch launch) {
        claim(jobName);
        return launchClaimed(jobName, launch);
    }

    private void claim(String jobName) {
        claims.claim(jobName, this::recoverRunning);
        inFlight.incrementAndGet();
    }

    /** Runs the launch of a job this process has claimed; the claim is released when it ends, however it ends. */
    private JobExecution launchClaimed(String jobName, Launch launch) {
        try {
            return launch.launch();
        } catch (JobRunRefused e) {
            throw e;
        } catch (Exception e) {
            throw new JobRunRefused("could not start " + jobName + ": " + e.getMessage());
        } finally {
            try {
                claims.release(jobName);
            } finally {
                synchronized (inFlight) {
                    inFlight.decrementAndGet();
                    inFlight.notifyAll();
                }
            }
        }
    }

    /** Executions of the job still marked running whose process is dead: marked FAILED so they can be restarted. */
    private void recoverRunning(String jobName) {
        for (JobExecution e : repository.findRunningJobExecutions(jobName)) {
            recover(e);
        }
    }

    private void recover(JobExecution e) {
        log.warn("recovering execution {} of {}: left {} by a process that is gone", e.getId(),
                e.getJobInstance().getJobName(), e.getStatus());
        operator.recover(e);
        recovered.add(e.getId());
    }

    /**
     * At start-up: every execution left running by a dead process is marked FAILED (never one whose owner lives) —
     * of every job the history knows, not only those of this context: a command in its own context (ingest) holds
     * one job but recovers the others as the whole application does.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void recoverAtStartUp() {
        for (String jobName : Stream.concat(jobNames().stream(), JobHistory.JOB_NAMES.stream()).distinct().toList()) {
            if (!repository.findRunningJobExecutions(jobName).isEmpty() && !claims.ownerAlive(jobName)) {
                try {
                    claims.claim(jobName, this::recoverRunning);
                    claims.release(jobName);
                } catch (JobRunRefused raced) {
                    log.info("{}: another process is recovering or running it", jobName);
                }
            }
        }
    }

    /** Executions this process recovered at start-up, for {@code serve} to restart when configured. */
    public List<Long> recovered() {
        return List.copyOf(recovered);
    }

    public boolean restartRecovered() {
        return properties.restartRecovered();
    }

    /** SIGTERM or context close: stop this process's jobs at their next chunk boundary and wait, bounded. */
    @EventListener(ContextClosedEvent.class)
    public void stopOwnJobs() {
        if (inFlight.get() == 0) {
            return;
        }
        for (String jobName : claims.mine()) {
            for (JobExecution e : repository.findRunningJobExecutions(jobName)) {
                log.warn("shutting down: stopping execution {} of {} at its next chunk boundary", e.getId(), jobName);
                try {
                    markStopping(e.getId());
                } catch (RuntimeException ex) {
                    log.warn("could not stop execution {}: {}", e.getId(), ex.getMessage());
                }
            }
        }
        long deadline = System.nanoTime() + properties.shutdownGrace().toNanos();
        synchronized (inFlight) {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                try {
                    inFlight.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (inFlight.get() > 0) {
            log.warn("shutting down with {} job(s) still running after {}; they will be recovered at the next start",
                    inFlight.get(), properties.shutdownGrace());
        }
    }
}
