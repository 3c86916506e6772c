package footage.jobs.runs;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/** {@code footage jobs restart ID}: refused in words when the execution's state does not allow it (exit 2). */
@Command(name = "restart", description = "restart a failed or stopped execution where it stopped")
class JobsRestartCommand implements FootageCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "an execution id (see footage jobs list)")
    private long id;

    @Autowired
    private JobRuns runs;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, JobRunsContext.class);
    }

    /** The execution may be of any job this command line runs. */
    @Override
    public boolean restartsAnyJob() {
        return true;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
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
