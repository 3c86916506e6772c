package footage.jobs.ingest;

import footage.jobs.CatalogContext;
import footage.jobs.Failures;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.Sizes;
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
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/** {@code footage ingest}: one run of {@code ingestJob} and its summary. */
@Command(name = "ingest", description = "run the ingest job once (continuity analysis included)")
public class IngestCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private JobRuns runs;

    @Autowired
    private IngestSummary summary;

    @Option(names = "--drop", paramLabel = "DIR", description = "the drop folder to take dumps from (default footage.drop, HOME/drop)")
    private Path drop;

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
     * Has the drop folder's first files read from the disk while the JVM and the context start: from a cold cache that
     * is the first second or two of the run's reading done in time that was idle (BENCHMARKS.md §1–3, cold cache).
     */
    @Override
    public void beforeContext(List<String> springArgs) {
        // the folders as the context will bind them: its arguments (--drop is --footage.drop by now, --home is
        // --footage.home), then system properties and FOOTAGE_* variables, then application.properties' defaults
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
        String home = environment.getProperty("footage.home", "./var");
        dropReadAhead = DropReadAhead.start(Path.of(environment.getProperty("footage.drop", home + "/drop")),
                environment.getProperty("footage.ingest.done-folder", ".done"), DropReadAhead.budget());
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
        printSummary(out, execution);
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }

    private void printSummary(PrintStream out, JobExecution execution) {
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        IngestSummary.Counts c = summary.of(execution.getId(), start);
        out.printf(Locale.ROOT, "ingest: %s in %.2f s (job execution %d)%n", execution.getStatus(),
                Duration.between(start, end).toMillis() / 1000.0, execution.getId());
        out.printf(Locale.ROOT, "  dumps:       %d finished, %d quarantined, %d still open%n",
                c.dumpsFinished(), c.dumpsQuarantined(), c.dumpsOpen());
        out.printf(Locale.ROOT, "  recordings:  %d archived, %d damaged (archived, flagged), %d duplicate(s) linked%n",
                c.files("ARCHIVED"), c.files("DAMAGED"), c.files("DUPLICATE"));
        out.printf(Locale.ROOT, "  quarantined: %d file(s)%n", c.files("QUARANTINED"));
        out.printf(Locale.ROOT, "  not taken:   %d missing, %d rejected, %d unreadable, %d failed (retried next run)%n",
                c.files("MISSING"), c.files("REJECTED"), c.files("UNREADABLE"), c.files("FAILED"));
        out.printf(Locale.ROOT, "  bytes:       %s archived%n", Sizes.bytes(c.bytesArchived()));
        out.printf(Locale.ROOT, "  findings:    %d raised%n", c.findings());
        for (String note : DropRootNotes.of(execution)) {
            out.println("  not a dump:  " + note);
        }
        out.println("  results:     archive " + properties.archive() + ", quarantine " + properties.quarantine()
                + ", finished dumps " + properties.drop().resolve(properties.ingest().doneFolder()));
        out.println("  see:         footage --home " + properties.home() + " catalog list");
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            execution.getAllFailureExceptions().forEach(t -> out.println("  failure:     " + Failures.rootMessage(t)));
        }
    }

}
