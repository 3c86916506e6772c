package footage.jobs.runs;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/** {@code footage jobs stop ID}: refused in words when the execution's state does not allow it (exit 2). */
@Command(name = "stop", description = "stop a running execution at its next chunk boundary")
class JobsStopCommand implements FootageCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "an execution id (see footage jobs list)")
    private long id;

    @Autowired
    private JobRuns runs;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, JobRunsContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
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
