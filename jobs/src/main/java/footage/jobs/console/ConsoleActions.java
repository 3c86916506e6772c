package footage.jobs.console;

import footage.jobs.Failures;
import footage.jobs.ledger.Ledger;
import footage.jobs.runs.JobRunRefused;
import footage.jobs.runs.JobRuns;
import footage.jobs.schedule.Schedules;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What operators do from the console, through the same services as the command line: {@link JobRuns} (the one
 * launcher, serialised across processes) and {@link Schedules}. Each request — done or refused — is a ledger entry
 * naming the user.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleActions implements DisposableBean {

    /** What became of a request: a message code with its arguments, and the execution to show next, if any. */
    record Outcome(boolean refused, String code, List<Object> args, Long execution) {

        static Outcome done(String code, Long execution, Object... args) {
            return new Outcome(false, code, List.of(args), execution);
        }

        static Outcome refused(String reason) {
            return new Outcome(true, "action.refused", List.of(reason), null);
        }

        static Outcome refused(String code, Object... args) {
            return new Outcome(true, code, List.of(args), null);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ConsoleActions.class);

    private final JobRuns runs;
    private final ExecutionQueries queries;
    private final Schedules schedules;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final ConsoleProperties properties;
    private final AtomicInteger threads = new AtomicInteger();
    // a restart runs as long as its job: the request returns after action-wait, the job goes on here
    private final ExecutorService launches = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-restart-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    ConsoleActions(JobRuns runs, ExecutionQueries queries, Schedules schedules, Ledger ledger,
                   PlatformTransactionManager transactionManager, ConsoleProperties properties) {
        this.runs = runs;
        this.queries = queries;
        this.schedules = schedules;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /**
     * Restarts through {@link JobRuns#restart}; waits up to {@code footage.console.action-wait} for the outcome. A
     * refusal (wrong state, already restarted, running elsewhere) comes back at once; a job still running after the
     * wait is reported as running, and its page shows it.
     */
    Outcome restart(long id, String user) {
        String job;
        long instance;
        try {
            JobExecution e = runs.execution(id);
            job = e.getJobInstance().getJobName();
            instance = e.getJobInstanceId();
        } catch (JobRunRefused e) {
            return recorded("JOB_RESTART", id, null, user, Outcome.refused(e.getMessage()));
        }
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> runs.restart(id), launches);
        run.whenComplete((ended, failure) -> {
            if (failure != null) {
                log.info("console: restart of execution {} by {}: {}", id, user, Failures.rootMessage(failure));
            } else {
                log.info("console: restart of execution {} by {}: execution {} ended {}", id, user, ended.getId(), ended.getStatus());
            }
        });
        Outcome outcome;
        try {
            JobExecution ended = run.get(properties.actionWait().toMillis(), TimeUnit.MILLISECONDS);
            outcome = Outcome.done("restart.ended", ended.getId(), ended.getId(), ended.getStatus().name());
        } catch (TimeoutException stillRunning) {
            List<ExecutionQueries.Row> attempts = queries.ofInstance(instance);
            long newest = attempts.isEmpty() ? id : attempts.get(attempts.size() - 1).id();
            outcome = newest > id ? Outcome.done("restart.running", newest, newest) : Outcome.done("restart.requested", id);
        } catch (ExecutionException failed) {
            outcome = Outcome.refused(failed.getCause() instanceof JobRunRefused r ? r.getMessage() : Failures.rootMessage(failed));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            outcome = Outcome.done("restart.requested", id);
        }
        return recorded("JOB_RESTART", id, job, user, outcome);
    }

    Outcome stop(long id, String user) {
        Outcome outcome;
        String job = null;
        try {
            job = runs.execution(id).getJobInstance().getJobName();
            runs.stop(id);
            outcome = Outcome.done("stop.requested", id, id);
        } catch (JobRunRefused e) {
            outcome = Outcome.refused(e.getMessage());
        }
        return recorded("JOB_STOP", id, job, user, outcome);
    }

    Outcome abandon(long id, String user) {
        Outcome outcome;
        String job = null;
        try {
            job = runs.execution(id).getJobInstance().getJobName();
            runs.abandon(id);
            outcome = Outcome.done("abandon.done", id, id);
        } catch (JobRunRefused e) {
            outcome = Outcome.refused(e.getMessage());
        }
        return recorded("JOB_ABANDON", id, job, user, outcome);
    }

    Outcome pause(String schedule, String user) {
        return onSchedule("SCHEDULE_PAUSE", schedule, user, "schedule.paused", line -> {
            if (line.state().equals("PAUSED")) {
                return Outcome.refused("schedule.refused.state", schedule, line.state());
            }
            schedules.pause(schedule);
            return null;
        });
    }

    Outcome resume(String schedule, String user) {
        return onSchedule("SCHEDULE_RESUME", schedule, user, "schedule.resumed", line -> {
            if (!line.state().equals("PAUSED")) {
                return Outcome.refused("schedule.refused.state", schedule, line.state());
            }
            schedules.resume(schedule);
            return null;
        });
    }

    Outcome fireNow(String schedule, String user) {
        return onSchedule("SCHEDULE_FIRE", schedule, user, "schedule.fired", line -> {
            schedules.fireNow(schedule);
            return null;
        });
    }

    private interface ScheduleChange {
        /** Makes the change and returns null, or returns the refusal. */
        Outcome apply(Schedules.Line line) throws SchedulerException;
    }

    private Outcome onSchedule(String type, String schedule, String user, String doneCode, ScheduleChange change) {
        Outcome outcome;
        try {
            Schedules.Line line = schedules.lines().stream().filter(l -> l.schedule().equals(schedule)).findFirst().orElse(null);
            if (line == null) {
                outcome = Outcome.refused("schedule.refused.unknown", schedule);
            } else if (line.state().equals("NONE")) {
                outcome = Outcome.refused("schedule.refused.none", schedule);
            } else {
                Outcome refused = change.apply(line);
                outcome = refused != null ? refused : Outcome.done(doneCode, null, schedule);
            }
        } catch (SchedulerException e) {
            outcome = Outcome.refused(Failures.rootMessage(e));
        }
        Map<String, Object> payload = payload(outcome);
        tx.executeWithoutResult(s -> ledger.append(type, "schedule:" + schedule, user, payload));
        return outcome;
    }

    private Outcome recorded(String type, long id, String job, String user, Outcome outcome) {
        Map<String, Object> payload = payload(outcome);
        if (job != null) {
            payload.put("job", job);
        }
        tx.executeWithoutResult(s -> ledger.append(type, "job-execution:" + id, user, payload));
        return outcome;
    }

    private static Map<String, Object> payload(Outcome outcome) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("via", "console");
        payload.put("outcome", outcome.refused() ? "REFUSED" : outcome.code());
        if (outcome.refused()) {
            payload.put("reason", outcome.code().equals("action.refused") ? String.valueOf(outcome.args().get(0))
                    : outcome.code() + " " + outcome.args());
        }
        if (outcome.execution() != null) {
            payload.put("execution", outcome.execution());
        }
        return payload;
    }

    @Override
    public void destroy() {
        launches.shutdown();
    }
}
