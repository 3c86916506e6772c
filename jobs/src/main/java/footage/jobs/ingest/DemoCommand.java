package footage.jobs.ingest;

import footage.jobs.Failures;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import footage.jobs.report.ReportJobConfiguration;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code footage demo}: copies sample-media into a fresh home's drop folder and ingests it. */
@Command(name = "demo", description = "ingest sample-media into a fresh home, print a summary and where the results are")
public class DemoCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private AutowireCapableBeanFactory beans;

    @Autowired
    private JobRuns runs;

    @Autowired
    private JdbcClient jdbc;

    @Override
    public List<String> contextProperties(boolean homeGiven) {
        List<String> properties = new ArrayList<>();
        if (!homeGiven) {
            properties.add("--footage.home=" + Path.of("var", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")))
                    .toAbsolutePath());
        }
        // the sample dumps are complete copies: no need to wait for a station to finish writing
        properties.add("--footage.ingest.quiet-period=0s");
        return properties;
    }

    @Override
    public boolean readsMedia() {
        return true;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        Path sampleMedia = sampleMedia();
        if (!Files.isDirectory(sampleMedia)) {
            throw new UsageException("sample media not found at " + sampleMedia + " (run from the repository root or set FOOTAGE_SAMPLE_MEDIA)");
        }
        try {
            Files.createDirectories(properties.drop());
            try (Stream<Path> drop = Files.list(properties.drop())) {
                if (drop.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
                    throw new UsageException("demo needs a fresh home, but " + properties.drop() + " is not empty");
                }
            }
            copyTree(sampleMedia, properties.drop());
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the sample media: " + e.getMessage(), e);
        }
        out.println("demo: home " + properties.home());
        out.println("demo: copied the sample dumps from " + sampleMedia + " into " + properties.drop());
        IngestCommand ingest = new IngestCommand();
        beans.autowireBean(ingest);
        int code = ingest.run(out, err);
        kinds(out);
        report(out, err);
        return code;
    }

    /** What the devices of Art. 2 left: the sample set has video, a photo and two sound recordings. */
    private void kinds(PrintStream out) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT kind, COUNT(*) AS recordings FROM recordings GROUP BY kind")
                .query((rs, n) -> counts.put(rs.getString("kind"), rs.getLong("recordings"))).list();
        out.println("demo: recordings by kind: " + (counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "))));
    }

    /** The gap report of what was just ingested, in every format, so the demo shows where to look. */
    private void report(PrintStream out, PrintStream err) {
        try {
            JobExecution report = runs.run(ReportJobConfiguration.JOB_NAME);
            if (report.getStatus() != BatchStatus.COMPLETED) {
                err.println("footage: the gap report was not written: " + report.getExitStatus().getExitDescription()
                        .lines().findFirst().orElse(report.getStatus().toString()));
                return;
            }
            try (Stream<Path> files = Files.list(properties.reports())) {
                files.filter(f -> f.getFileName().toString().startsWith("gaps-")).sorted()
                        .forEach(f -> out.println("  report:      " + f));
            }
        } catch (IOException | RuntimeException e) {
            err.println("footage: the gap report was not written: " + Failures.rootMessage(e));
        }
    }

    private static Path sampleMedia() {
        String configured = System.getenv("FOOTAGE_SAMPLE_MEDIA");
        return Path.of(configured == null || configured.isBlank() ? "sample-media" : configured).toAbsolutePath();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().isEmpty() || rel.getNameCount() == 1 && Files.isRegularFile(p)) {
                    continue; // top-level files (the README) are not dumps
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
