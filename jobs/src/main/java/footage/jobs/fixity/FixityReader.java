package footage.jobs.fixity;

import footage.jobs.partition.IdRange;
import footage.jobs.partition.PendingWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The recordings an audit still has to check, one at a time in id order: those not checked since
 * {@code audit start − footage.fixity.max-age}. The audit start is the job parameter {@code run.at}, so a restart
 * of the same audit (same parameters) skips exactly the objects checked before it stopped: the catalog's
 * {@code last_checked_at} is the restart state, committed with each object's ledger entry. A partition of a cluster's
 * audit reads the objects of its id range only.
 */
class FixityReader implements ItemReader<ArchivedObject>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FixityReader.class);

    private final JdbcClient jdbc;
    private final FixityProperties properties;
    private OffsetDateTime cutoff;
    private IdRange range = IdRange.ALL;
    private long lastId;
    private long total;
    private long read;

    FixityReader(JdbcClient jdbc, FixityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        cutoff = cutoff(stepExecution.getJobExecution(), properties);
        range = IdRange.orAll(stepExecution.getExecutionContext());
        lastId = range.first() - 1;
        read = 0;
        total = jdbc.sql("SELECT COUNT(*) FROM recordings WHERE (last_checked_at IS NULL OR last_checked_at < ?) "
                        + "AND id >= ? AND id <= ?")
                .params(cutoff, range.first(), range.last()).query(Long.class).single();
        log.info("fixity: {} archive object(s) to re-hash (not checked since {}){}", total, cutoff,
                range.equals(IdRange.ALL) ? "" : " in this partition (" + range + ")");
    }

    /** Objects checked before this moment are due: the audit's start ({@code run.at}) less max-age. */
    static OffsetDateTime cutoff(JobExecution job, FixityProperties properties) {
        Long runAt = job.getJobParameters().getLong("run.at");
        Instant start = runAt != null ? Instant.ofEpochMilli(runAt)
                : job.getCreateTime().atZone(ZoneId.systemDefault()).toInstant();
        return start.minus(properties.maxAge()).atOffset(ZoneOffset.UTC);
    }

    /** The objects an audit has still to check, with their sizes: the work a cluster's manager cuts into partitions. */
    static List<PendingWork.Item> due(JdbcClient jdbc, OffsetDateTime cutoff) {
        return jdbc.sql("SELECT id, size_bytes FROM recordings WHERE last_checked_at IS NULL OR last_checked_at < ? ORDER BY id")
                .param(cutoff).query((rs, n) -> new PendingWork.Item(rs.getLong("id"), rs.getLong("size_bytes"))).list();
    }

    @Override
    public ArchivedObject read() {
        ArchivedObject next = jdbc.sql("SELECT id, sha256, size_bytes, archive_path, original_path FROM recordings "
                        + "WHERE id > ? AND id <= ? AND (last_checked_at IS NULL OR last_checked_at < ?) ORDER BY id LIMIT 1")
                .params(lastId, range.last(), cutoff)
                .query((rs, n) -> new ArchivedObject(rs.getLong("id"), rs.getString("sha256"), rs.getLong("size_bytes"),
                        rs.getString("archive_path"), rs.getString("original_path")))
                .optional().orElse(null);
        if (next != null) {
            lastId = next.recordingId();
            read++;
            log.info("fixity: [{}/{}] {}", read, Math.max(read, total), next.originalPath());
        }
        return next;
    }
}
