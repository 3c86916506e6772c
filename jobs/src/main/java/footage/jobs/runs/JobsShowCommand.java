package footage.jobs.runs;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code footage jobs show ID}: parameters, timings, every step's counts, exit descriptions and failures; exit 2 for an unknown id. */
@Command(name = "show", description = "an execution's steps with read/write/skip/commit/rollback counts")
class JobsShowCommand implements FootageCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "an execution id (see footage jobs list)")
    private long id;

    @Autowired
    private JobHistory history;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, JobHistoryContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        JobExecution e;
        try {
            e = history.execution(id);
        } catch (JobRunRefused refused) {
            err.println("footage: refused: " + refused.getMessage());
            return 2;
        }
        out.printf(Locale.ROOT, "execution %d of %s (instance %d): %s, exit %s%n", e.getId(), e.getJobInstance().getJobName(),
                e.getJobInstanceId(), e.getStatus(), e.getExitStatus().getExitCode());
        out.println("  parameters: " + e.getJobParameters());
        out.println("  created:    " + JobsListCommand.time(e.getCreateTime()) + "   started: " + JobsListCommand.time(e.getStartTime())
                + "   ended: " + JobsListCommand.time(e.getEndTime()));
        printDescription(out, "  ", e.getExitStatus().getExitDescription());
        out.printf(Locale.ROOT, "  %-20s %-10s %6s %6s %6s %6s %6s %6s %6s  %s%n", "STEP", "STATUS", "READ", "WRITE", "FILTER",
                "SKIP", "COMMIT", "ROLLBK", "", "EXIT");
        e.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getId)).forEach(s -> {
            out.printf(Locale.ROOT, "  %-20s %-10s %6d %6d %6d %6d %6d %6d %6s  %s%n", s.getStepName(), s.getStatus(),
                    s.getReadCount(), s.getWriteCount(), s.getFilterCount(), s.getSkipCount(), s.getCommitCount(),
                    s.getRollbackCount(), "", s.getExitStatus().getExitCode());
            printDescription(out, "    ", s.getExitStatus().getExitDescription());
        });
        return 0;
    }

    private static void printDescription(PrintStream out, String indent, String description) {
        if (description != null && !description.isBlank()) {
            description.lines().forEach(l -> out.println(indent + "| " + l));
        }
    }
}
