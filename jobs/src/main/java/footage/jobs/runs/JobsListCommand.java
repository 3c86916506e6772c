package footage.jobs.runs;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/** {@code footage jobs list [--status S] [--job NAME] [--limit N]}: executions, newest first. */
@Command(name = "list", description = "job executions, newest first")
class JobsListCommand implements FootageCommand {

    @Autowired
    private JobHistory history;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most this many (default ${DEFAULT-VALUE})")
    private int limit;

    @Option(names = "--status", paramLabel = "S", description = "only executions in this state: ${COMPLETION-CANDIDATES}")
    private BatchStatus status;

    @Option(names = "--job", paramLabel = "NAME", description = "only this job's executions (e.g. ingestJob)")
    private String job;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, JobHistoryContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (limit < 1) {
            throw new UsageException("--limit takes a whole number above 0");
        }
        if (job != null && !JobHistory.JOB_NAMES.contains(job)) {
            throw new UsageException("unknown job '" + job + "'; jobs: " + JobHistory.JOB_NAMES);
        }
        List<JobHistory.ExecutionRow> rows = history.recent(limit, status == null ? null : status.name(), job);
        out.printf(Locale.ROOT, "%-6s %-20s %-10s %-19s %-19s %s%n", "ID", "JOB", "STATUS", "START", "END", "EXIT");
        for (JobHistory.ExecutionRow r : rows) {
            String exit = r.exitCode() + (r.exitMessage() == null || r.exitMessage().isBlank() ? ""
                    : ": " + r.exitMessage().lines().findFirst().orElse(""));
            out.printf(Locale.ROOT, "%-6d %-20s %-10s %-19s %-19s %s%n", r.id(), r.job(), r.status(), time(r.start()),
                    time(r.end()), exit);
        }
        long running = rows.stream().filter(r -> BatchStatus.valueOf(r.status()).isRunning()).count();
        if (running > 0) {
            // this command starts nothing and changes nothing, so it does not recover what a killed process left
            err.println("footage: " + running + " shown as running; one whose process was killed stays so until serve or"
                    + " the next command that runs jobs marks it FAILED");
        }
        return 0;
    }

    static String time(LocalDateTime t) {
        return t == null ? "-" : t.withNano(0).toString().replace('T', ' ');
    }
}
