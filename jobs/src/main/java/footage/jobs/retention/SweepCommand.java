package footage.jobs.retention;

import footage.jobs.CatalogContext;
import footage.jobs.Failures;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.Sizes;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code footage sweep [--dry-run]}: one run of {@code retentionSweepJob}, or with {@code --dry-run} the list of what
 * it would move (count, bytes, one line per recording) without changing anything: no job run, no ledger entry, no
 * file touched. Exit 0 done; 1 when the job failed or a recording was refused because its archive object is not
 * intact.
 */
@Command(name = "sweep", description = "move expired, unheld STANDARD recordings to expired/; --dry-run only lists them")
public class SweepCommand implements FootageCommand {

    @Option(names = "--dry-run", description = "only list what would be moved")
    private boolean dryRun;

    private static final String JOB = RetentionSweepJobConfiguration.JOB_NAME;

    @Autowired
    private JobRuns runs;

    @Autowired
    private SweepRules rules;

    @Autowired
    private RetentionPolicy policy;

    @Autowired
    private FootageProperties properties;

    @Autowired
    private JdbcClient jdbc;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, SweepContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        return dryRun ? dryRun(out) : sweep(out);
    }

    private int dryRun(PrintStream out) {
        LocalDate today = policy.today(Instant.now());
        List<RetentionRow> due = new ArrayList<>();
        long after = 0;
        for (Optional<RetentionRow> next; (next = rules.next(after, today)).isPresent(); after = next.get().id()) {
            due.add(next.get());
        }
        long bytes = due.stream().mapToLong(RetentionRow::size).sum();
        out.printf(Locale.ROOT, "sweep: dry run as of %s: %d recording(s), %s (%d bytes) would move to %s%n", today,
                due.size(), Sizes.bytes(bytes), bytes, properties.expired());
        for (RetentionRow r : due) {
            out.printf(Locale.ROOT, "  %-6d retained until %s  %12d bytes  %s  %s%n", r.id(), policy.effectiveUntil(r),
                    r.size(), r.sha256().substring(0, 12), r.originalPath());
        }
        out.println("sweep: dry run: nothing was changed");
        return 0;
    }

    private int sweep(PrintStream out) {
        JobExecution execution = runs.run(JOB);
        long sweep = SweepRun.id(execution);
        long moved = jdbc.sql("SELECT COUNT(*) FROM recordings WHERE expired_by = ?").param(sweep).query(Long.class).single();
        long bytes = jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM recordings WHERE expired_by = ?").param(sweep)
                .query(Long.class).single();
        long refused = 0;
        long released = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().equals("sweepMoveStep")) {
                refused += step.getFilterCount();
                released += step.getExecutionContext().getLong(MoveOutWriter.RELEASED_KEY, 0);
            }
        }
        out.printf(Locale.ROOT, "sweep: %s (sweep %d, execution %d): %d recording(s), %s moved to %s%n",
                execution.getStatus(), sweep, execution.getId(), moved, Sizes.bytes(bytes), properties.expired());
        if (released > 0) {
            out.printf(Locale.ROOT, "sweep: %d recording(s) kept after all (put on hold or made permanent meanwhile)%n", released);
        }
        if (refused > 0) {
            out.printf(Locale.ROOT, "sweep: %d recording(s) NOT moved: their archive object is not intact (see the log); "
                    + "run 'footage verify --full'%n", refused);
        }
        if (execution.getExecutionContext().containsKey(SweepRun.REPORT_KEY)) {
            out.println("sweep: disposition report " + execution.getExecutionContext().getString(SweepRun.REPORT_KEY));
        }
        execution.getAllFailureExceptions().forEach(t -> out.println("sweep: failure: " + Failures.rootMessage(t)));
        return execution.getStatus() == BatchStatus.COMPLETED && refused == 0 ? 0 : 1;
    }

}
