package footage.jobs.ingest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** What one ingest run did, counted from the catalog rows it settled. */
@Component
public class IngestSummary {

    private final JdbcClient jdbc;

    IngestSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
