package footage.jobs.cli;

import footage.jobs.runs.JobRuns;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/** {@code footage jobs list}: recent job executions, newest first. */
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
        List<JobRuns.ExecutionRow> rows = runs.recent(limit);
        out.printf(Locale.ROOT, "%-6s %-20s %-10s %-19s %-19s %s%n", "ID", "JOB", "STATUS", "START", "END", "EXIT");
        for (JobRuns.ExecutionRow r : rows) {
            String exit = r.exitCode() + (r.exitMessage() == null || r.exitMessage().isBlank() ? ""
                    : ": " + r.exitMessage().lines().findFirst().orElse(""));
            out.printf(Locale.ROOT, "%-6d %-20s %-10s %-19s %-19s %s%n", r.id(), r.job(), r.status(), time(r.start()),
                    time(r.end()), exit);
        }
        return 0;
    }

    private static String time(LocalDateTime t) {
        return t == null ? "-" : t.withNano(0).toString().replace('T', ' ');
    }
}
