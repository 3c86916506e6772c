package footage.jobs.runs;

import footage.jobs.cli.CommandHandler;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code footage jobs stop ID}: refused in words when the execution's state does not allow it (exit 2). */
@Component
class JobsStopCommand implements CommandHandler {

    private final JobRuns runs;

    JobsStopCommand(JobRuns runs) {
        this.runs = runs;
    }

    @Override
    public String command() {
        return "jobs stop";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        long id = JobsIds.parse(invocation);
        try {
            runs.stop(id);
            out.println("execution " + id + " asked to stop: it ends STOPPED at its next chunk boundary and can be restarted");
            return 0;
        } catch (JobRunRefused e) {
            err.println("footage: refused: " + e.getMessage());
            return 2;
        }
    }
}
