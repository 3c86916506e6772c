package footage.jobs.runs;

import footage.jobs.cli.CommandHandler;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code footage jobs abandon ID}: refused in words when the execution's state does not allow it (exit 2). */
@Component
class JobsAbandonCommand implements CommandHandler {

    private final JobRuns runs;

    JobsAbandonCommand(JobRuns runs) {
        this.runs = runs;
    }

    @Override
    public String command() {
        return "jobs abandon";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        long id = JobsIds.parse(invocation);
        try {
            var execution = runs.abandon(id);
            out.println("execution " + id + " is " + execution.getStatus() + ": it will not be restarted");
            return 0;
        } catch (JobRunRefused e) {
            err.println("footage: refused: " + e.getMessage());
            return 2;
        }
    }
}
