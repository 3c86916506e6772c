package footage.jobs.partition;

import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.PendingFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The catalog's pending files as partitions see them: by id range. */
@Component
class PartitionFiles {

    private final JdbcClient jdbc;

    PartitionFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every pending file with its size, in id order. */
    List<PendingWork.Item> pending() {
        return jdbc.sql("SELECT id, COALESCE(size_bytes, 0) AS size_bytes FROM dump_files WHERE status = 'PENDING' ORDER BY id")
                .query((rs, n) -> new PendingWork.Item(rs.getLong("id"), rs.getLong("size_bytes"))).list();
    }

    /** The next pending file of the range after {@code afterId}, in registration order. */
    Optional<PendingFile> next(IdRange range, long afterId) {
        return jdbc.sql(Catalog.PENDING_FILES + "WHERE f.status = 'PENDING' AND f.id > ? AND f.id <= ? ORDER BY f.id LIMIT 1")
                .params(Math.max(afterId, range.first() - 1), range.last())
                .query(Catalog::pendingFile).optional();
    }

    /** Whether a file is settled already (no longer PENDING), for {@link SettleOnce}. */
    Optional<String> settled(PendingFile file) {
        String status = jdbc.sql("SELECT status FROM dump_files WHERE id = ?").param(file.id()).query(String.class).single();
        return "PENDING".equals(status) ? Optional.empty()
                : Optional.of("ingest: " + file.dumpFolder() + "/" + file.path() + " (" + status + ")");
    }

    record Count(long files, long bytes) {
    }

    Count pendingIn(IdRange range) {
        return jdbc.sql("SELECT COUNT(*) AS files, COALESCE(SUM(size_bytes), 0) AS bytes FROM dump_files "
                        + "WHERE status = 'PENDING' AND id >= ? AND id <= ?")
                .params(range.first(), range.last())
                .query((rs, n) -> new Count(rs.getLong("files"), rs.getLong("bytes"))).single();
    }
}
