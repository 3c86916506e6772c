package footage.jobs.devices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The {@code damage_reports} table: a device reported damaged (Art. 18), when, why, by whom. Rows are only inserted. */
@Repository
public class DamageReports {

    public record Report(long id, String deviceId, OffsetDateTime at, String note, String by, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;

    DamageReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Report> of(String deviceId) {
        return jdbc.sql("SELECT id, device_id, reported_at, note, reported_by, recorded_at FROM damage_reports WHERE device_id = ? "
                        + "ORDER BY reported_at, id")
                .param(deviceId)
                .query((rs, n) -> new Report(rs.getLong("id"), rs.getString("device_id"),
                        rs.getObject("reported_at", OffsetDateTime.class), rs.getString("note"), rs.getString("reported_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    long insert(String deviceId, OffsetDateTime at, String note, String by, OffsetDateTime now) {
        jdbc.sql("INSERT INTO damage_reports (device_id, reported_at, note, reported_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(deviceId, at.withOffsetSameInstant(ZoneOffset.UTC), note, by, now.withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM damage_reports WHERE device_id = ?").param(deviceId).query(Long.class).single();
    }
}
