package footage.jobs.ingest;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** {@code footage ingest}: one run of {@code ingestJob} and its summary, here or by the {@code serve} on the home. */
@Command(name = "ingest", description = "run the ingest job once (continuity analysis included)")
public class IngestCommand implements FootageCommand {

    @Autowired
    private JobRuns runs;

    @Autowired
    private IngestSummary summary;

    @Option(names = "--drop", paramLabel = "DIR", description = "the drop folder to take dumps from (default footage.drop, HOME/drop)")
    private Path drop;

    @Option(names = "--here", description = "run the job in this process even when serve runs on this home (by default serve runs it)")
    private boolean here;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, IngestContext.class);
    }

    @Override
    public List<String> contextProperties(boolean homeGiven) {
        return drop == null ? List.of() : List.of("--footage.drop=" + drop.toAbsolutePath().normalize());
    }

    @Override
    public boolean readsMedia() {
        return true;
    }

    /** Set when the drop folder's first files are being read while the context starts. */
    private DropReadAhead dropReadAhead;

    /**
     * Hands the run to the {@code serve} that runs on this home, when one does and takes dumps from the same drop
     * folder: its JVM is up and warm, so the run costs no start-up (BENCHMARKS.md §1–3). Not when this command was
     * given settings of its own ({@code --footage.x=y}): serve runs with its own.
     */
    @Override
    public OptionalInt runElsewhere(List<String> springArgs, PrintStream out, PrintStream err) {
        if (here || springArgs.stream().anyMatch(a -> !a.startsWith("--footage.home=") && !a.startsWith("--footage.drop="))) {
            return OptionalInt.empty();
        }
        Folders folders = Folders.of(springArgs);
        return IngestHandOffClient.run(folders.home(), folders.drop(), out, err);
    }

    /**
     * Has the drop folder's first files read from the disk while the JVM and the context start: from a cold cache that
     * is the first second or two of the run's reading done in time that was idle (BENCHMARKS.md §1–3, cold cache).
     */
    @Override
    public void beforeContext(List<String> springArgs) {
        Folders folders = Folders.of(springArgs);
        dropReadAhead = DropReadAhead.start(folders.drop(), folders.doneFolder(), DropReadAhead.budget());
    }

    /** The folders as the context will bind them, before it starts. */
    private record Folders(Path home, Path drop, String doneFolder) {

        static Folders of(List<String> springArgs) {
            // the context's arguments (--drop is --footage.drop by now, --home is --footage.home), then system
            // properties and FOOTAGE_* variables, then application.properties' defaults
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
            Path home = Path.of(environment.getProperty("footage.home", "./var")).toAbsolutePath().normalize();
            String drop = environment.getProperty("footage.drop");
            return new Folders(home, drop == null ? home.resolve("drop") : Path.of(drop).toAbsolutePath().normalize(),
                    environment.getProperty("footage.ingest.done-folder", ".done"));
        }
    }

    DropReadAhead dropReadAhead() {
        return dropReadAhead;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        JobExecution execution;
        try {
            execution = runs.run(IngestJobConfiguration.JOB_NAME);
        } finally {
            if (dropReadAhead != null) {
                dropReadAhead.close();
            }
        }
        summary.print(out, execution);
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
}
