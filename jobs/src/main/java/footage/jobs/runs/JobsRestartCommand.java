package footage.jobs.runs;

import footage.jobs.cli.CommandHandler;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code footage jobs restart ID}: refused in words when the execution's state does not allow it (exit 2). */
@Component
class JobsRestartCommand implements CommandHandler {

    private final JobRuns runs;

    JobsRestartCommand(JobRuns runs) {
        this.runs = runs;
    }

    @Override
    public String command() {
        return "jobs restart";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        long id = JobsIds.parse(invocation);
        try {
            var execution = runs.restart(id);
            out.println("restarted execution " + id + " as execution " + execution.getId() + ": " + execution.getStatus());
            return execution.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED ? 0 : 1;
        } catch (JobRunRefused e) {
            err.println("footage: refused: " + e.getMessage());
            return 2;
        }
    }
}
