package footage.jobs.runs;

import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code footage jobs list [--status S] [--job NAME] [--limit N]}: executions, newest first. */
@Component
class JobsListCommand implements CommandHandler {

    private final JobRuns runs;

    JobsListCommand(JobRuns runs) {
        this.runs = runs;
    }

    @Override
    public String command() {
        return "jobs list";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        int limit;
        try {
            limit = Integer.parseInt(invocation.option("limit", "20"));
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1) {
            throw new UsageException("--limit takes a whole number above 0");
        }
        String status = invocation.option("status");
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            String wanted = status;
            if (Arrays.stream(BatchStatus.values()).noneMatch(s -> s.name().equals(wanted))) {
                throw new UsageException("unknown status '" + invocation.option("status") + "'; one of " + Arrays.toString(BatchStatus.values()));
            }
        }
        String job = invocation.option("job");
        if (job != null && !runs.jobNames().contains(job)) {
            throw new UsageException("unknown job '" + job + "'; jobs: " + runs.jobNames());
        }
        List<JobRuns.ExecutionRow> rows = runs.recent(limit, status, job);
        out.printf(Locale.ROOT, "%-6s %-20s %-10s %-19s %-19s %s%n", "ID", "JOB", "STATUS", "START", "END", "EXIT");
        for (JobRuns.ExecutionRow r : rows) {
            String exit = r.exitCode() + (r.exitMessage() == null || r.exitMessage().isBlank() ? ""
                    : ": " + r.exitMessage().lines().findFirst().orElse(""));
            out.printf(Locale.ROOT, "%-6d %-20s %-10s %-19s %-19s %s%n", r.id(), r.job(), r.status(), time(r.start()),
                    time(r.end()), exit);
        }
        return 0;
    }

    static String time(LocalDateTime t) {
        return t == null ? "-" : t.withNano(0).toString().replace('T', ' ');
    }
}
