package footage.jobs.cli;

import footage.jobs.FootageProperties;
import footage.jobs.ingest.IngestSummary;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The commands that need the application context. Each returns the process exit code. */
@Component
class Commands {

    private final FootageProperties properties;
    private final JobRuns runs;
    private final IngestSummary summary;
    private final JdbcClient jdbc;

    Commands(FootageProperties properties, JobRuns runs, IngestSummary summary, JdbcClient jdbc) {
        this.properties = properties;
        this.runs = runs;
        this.summary = summary;
        this.jdbc = jdbc;
    }

    int ingest(PrintStream out) {
        JobExecution execution = runs.run("ingestJob");
        printSummary(out, execution);
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }

    int demo(PrintStream out, Path sampleMedia) {
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
        return ingest(out);
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

    private void printSummary(PrintStream out, JobExecution execution) {
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        IngestSummary.Counts c = summary.of(execution.getId(), start);
        out.printf(Locale.ROOT, "ingest: %s in %.1f s (job execution %d)%n", execution.getStatus(),
                Duration.between(start, end).toMillis() / 1000.0, execution.getId());
        out.printf(Locale.ROOT, "  dumps:       %d finished, %d quarantined, %d still open%n",
                c.dumpsFinished(), c.dumpsQuarantined(), c.dumpsOpen());
        out.printf(Locale.ROOT, "  recordings:  %d archived, %d damaged (archived, flagged), %d duplicate(s) linked%n",
                c.files("ARCHIVED"), c.files("DAMAGED"), c.files("DUPLICATE"));
        out.printf(Locale.ROOT, "  quarantined: %d file(s)%n", c.files("QUARANTINED"));
        out.printf(Locale.ROOT, "  not taken:   %d missing, %d rejected, %d failed (retried next run)%n",
                c.files("MISSING"), c.files("REJECTED"), c.files("FAILED"));
        out.printf(Locale.ROOT, "  bytes:       %s archived%n", bytes(c.bytesArchived()));
        out.printf(Locale.ROOT, "  findings:    %d raised%n", c.findings());
        out.println("  results:     archive " + properties.archive() + ", quarantine " + properties.quarantine()
                + ", finished dumps " + properties.drop().resolve(properties.ingest().doneFolder()));
        out.println("  see:         footage --home " + properties.home() + " catalog list");
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            execution.getAllFailureExceptions().forEach(t -> out.println("  failure:     " + Cli.rootMessage(t)));
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    int catalogList(PrintStream out) {
        record Row(long id, String device, String officer, String start, Double duration, String status, String sha, String file) {
        }
        List<Row> rows = jdbc.sql("SELECT id, device_id, officer_id, corrected_start, duration_seconds, status, sha256, file_name "
                        + "FROM recordings ORDER BY device_id, corrected_start, id")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        reference(rs.getObject(4, java.time.OffsetDateTime.class)),
                        (Double) rs.getObject(5, Double.class), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        out.printf(Locale.ROOT, "%-5s %-12s %-8s %-25s %8s %-9s %-12s %s%n", "ID", "DEVICE", "OFFICER", "START (reference)",
                "SECONDS", "STATUS", "SHA-256", "FILE");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-5d %-12s %-8s %-25s %8s %-9s %-12s %s%n", r.id(), r.device(), r.officer(), r.start(),
                    r.duration() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.duration()), r.status(),
                    r.sha().substring(0, 12), r.file());
        }
        out.println(rows.size() + " recording(s)");
        return 0;
    }

    private String reference(java.time.OffsetDateTime t) {
        return t == null ? "-" : t.atZoneSameInstant(properties.deviceZone()).toOffsetDateTime()
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    int jobsList(PrintStream out, int limit) {
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
