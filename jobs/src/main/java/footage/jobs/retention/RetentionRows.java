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
            + "device_id, officer_id, corrected_start, COALESCE(media_seconds, duration_seconds), device_start, "
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
        return new RetentionRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class), (Double) rs.getObject(11, Double.class),
                rs.getObject(12, LocalDateTime.class), rs.getObject(13, OffsetDateTime.class), rs.getString(14),
                rs.getString(15), rs.getObject(16, LocalDate.class), rs.getBoolean(17));
    }
}
