package footage.jobs.console;

import footage.jobs.catalog.Catalog;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Builds an execution's detail view: what Spring Batch recorded, live progress, and which actions its state allows. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExecutionDetails {

    /** A step may publish its total in its execution context under this key; the ingest step's comes from the catalog. */
    static final String PROGRESS_TOTAL = "progress.total";
    private static final String INGEST_FILES_STEP = "ingestFilesStep";
    private static final Set<BatchStatus> RESTARTABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);
    private static final Set<BatchStatus> STOPPABLE = Set.of(BatchStatus.STARTING, BatchStatus.STARTED);

    private final JobRuns runs;
    private final ExecutionQueries queries;
    private final Catalog catalog;

    ExecutionDetails(JobRuns runs, ExecutionQueries queries, Catalog catalog) {
        this.runs = runs;
        this.queries = queries;
        this.catalog = catalog;
    }

    /** @throws footage.jobs.runs.JobRunRefused when there is no such execution */
    ExecutionView of(long id, boolean mayOperate) {
        JobExecution e = runs.execution(id);
        List<ExecutionQueries.Row> attempts = queries.ofInstance(e.getJobInstanceId());
        boolean latest = attempts.isEmpty() || attempts.get(attempts.size() - 1).id() == id;
        boolean known = runs.jobNames().contains(e.getJobInstance().getJobName());
        List<ExecutionView.Param> parameters = e.getJobParameters().parameters().stream()
                .sorted(Comparator.comparing(JobParameter::name))
                .map(p -> new ExecutionView.Param(p.name(), p.type().getSimpleName(), Objects.toString(p.value(), ""), p.identifying()))
                .toList();
        List<ExecutionView.StepView> steps = e.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId))
                .map(this::step)
                .toList();
        BatchStatus status = e.getStatus();
        return new ExecutionView(id, e.getJobInstance().getJobName(), e.getJobInstanceId(), status.name(),
                e.getExitStatus().getExitCode(), ExecutionView.Description.of(e.getExitStatus().getExitDescription()),
                e.getCreateTime(), e.getStartTime(), e.getEndTime(), e.getLastUpdated(), parameters, steps, attempts,
                e.isRunning(),
                mayOperate && known && latest && RESTARTABLE.contains(status),
                mayOperate && STOPPABLE.contains(status),
                mayOperate && latest && RESTARTABLE.contains(status));
    }

    private ExecutionView.StepView step(StepExecution s) {
        ExecutionView.Progress progress = s.getStatus().isRunning() ? progress(s) : null;
        return new ExecutionView.StepView(s.getId(), s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                s.getFilterCount(), s.getSkipCount(), s.getCommitCount(), s.getRollbackCount(), s.getExitStatus().getExitCode(),
                ExecutionView.Description.of(s.getExitStatus().getExitDescription()), s.getStartTime(), s.getEndTime(), progress);
    }

    private ExecutionView.Progress progress(StepExecution s) {
        long done = s.getReadCount();
        if (INGEST_FILES_STEP.equals(s.getStepName())) {
            // the reader takes pending files one at a time: what it has read plus what is still pending
            return new ExecutionView.Progress(done, done + catalog.countPending());
        }
        if (s.getExecutionContext().containsKey(PROGRESS_TOTAL)) {
            return new ExecutionView.Progress(done, s.getExecutionContext().getLong(PROGRESS_TOTAL));
        }
        return new ExecutionView.Progress(done, null);
    }
}
