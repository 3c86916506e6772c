package footage.jobs.retention;

import footage.jobs.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@link RetentionRow}s from the catalog. */
@Component
class RetentionRows {

    static final String COLUMNS = "SELECT id, sha256, size_bytes, archive_path, original_path, file_name, status, "
            + "device_id, officer_id, corrected_start, COALESCE(media_seconds, duration_seconds) AS seconds, device_start, "
            + "ingested_at, retention_class, retention_category, retain_until, on_hold FROM recordings ";

    private final JdbcClient jdbc;
    private final Ledger ledger;

    RetentionRows(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    Optional<RetentionRow> byId(long id) {
        return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(RetentionRows::row).optional();
    }

    /**
     * The row, locked until the transaction ends: a hold or class change committing meanwhile waits, or wins. Every
     * caller appends to the ledger afterwards, so the ledger's lock is taken first ({@link Ledger#lockAppends}).
     */
    Optional<RetentionRow> lock(long id) {
        ledger.lockAppends();
        return jdbc.sql(COLUMNS + "WHERE id = ? FOR UPDATE").param(id).query(RetentionRows::row).optional();
    }

    List<RetentionRow> where(String condition, Map<String, ?> params) {
        return jdbc.sql(COLUMNS + "WHERE " + condition).params(params).query(RetentionRows::row).list();
    }

    static RetentionRow row(ResultSet rs, int n) throws SQLException {
        return new RetentionRow(rs.getLong("id"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getString("archive_path"), rs.getString("original_path"), rs.getString("file_name"),
                rs.getString("status"), rs.getString("device_id"), rs.getString("officer_id"),
                rs.getObject("corrected_start", OffsetDateTime.class), rs.getObject("seconds", Double.class),
                rs.getObject("device_start", LocalDateTime.class), rs.getObject("ingested_at", OffsetDateTime.class),
                rs.getString("retention_class"), rs.getString("retention_category"),
                rs.getObject("retain_until", LocalDate.class), rs.getBoolean("on_hold"));
    }
}
