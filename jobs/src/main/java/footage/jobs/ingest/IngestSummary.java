package footage.jobs.ingest;

import footage.jobs.Failures;
import footage.jobs.FootageProperties;
import footage.jobs.Sizes;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What one ingest run did, counted from the catalog rows it settled. */
@Component
public class IngestSummary {

    private final JdbcClient jdbc;
    private final FootageProperties properties;

    IngestSummary(JdbcClient jdbc, FootageProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The summary a person reads after a run, wherever it ran (the command line, or {@code serve} for it). */
    void print(PrintStream out, JobExecution execution) {
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        Counts c = of(execution.getId(), start);
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

    public record Counts(long dumpsFinished, long dumpsQuarantined, long dumpsOpen, Map<String, Long> files,
                         long bytesArchived, long findings) {
        public long files(String status) {
            return files.getOrDefault(status, 0L);
        }
    }

    public Counts of(long jobExecutionId, LocalDateTime started) {
        var since = started.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        Map<String, Long> files = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS files FROM dump_files WHERE processed_by = ? GROUP BY status").param(jobExecutionId)
                .query(rs -> {
                    files.put(rs.getString("status"), rs.getLong("files"));
                });
        long bytes = jdbc.sql("SELECT COALESCE(SUM(r.size_bytes), 0) FROM dump_files f JOIN recordings r ON r.id = f.recording_id "
                        + "WHERE f.processed_by = ? AND f.status IN ('ARCHIVED', 'DAMAGED')")
                .param(jobExecutionId).query(Long.class).single();
        long finished = jdbc.sql("SELECT COUNT(*) FROM dumps WHERE status = 'DONE' AND completed_at >= ?").param(since)
                .query(Long.class).single();
        long quarantined = jdbc.sql("SELECT COUNT(*) FROM dumps WHERE status = 'QUARANTINED' AND registered_at >= ?").param(since)
                .query(Long.class).single();
        long open = jdbc.sql("SELECT COUNT(*) FROM dumps WHERE status = 'REGISTERED'").query(Long.class).single();
        long findings = jdbc.sql("SELECT COUNT(*) FROM findings WHERE raised_at >= ?").param(since).query(Long.class).single();
        return new Counts(finished, quarantined, open, files, bytes, findings);
    }
}
