package footage.jobs.devices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The {@code device_status} table: every status a device has had, from when, set by whom. Rows are only inserted. */
@Repository
public class DeviceStatusHistory {

    public record Change(long id, String deviceId, DeviceStatus status, OffsetDateTime since, String by, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;

    DeviceStatusHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Change> of(String deviceId) {
        return jdbc.sql("SELECT id, device_id, status, since, changed_by, recorded_at FROM device_status WHERE device_id = ? "
                        + "ORDER BY since, id")
                .param(deviceId)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getString("device_id"),
                        DeviceStatus.valueOf(rs.getString("status")), rs.getObject("since", OffsetDateTime.class),
                        rs.getString("changed_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    long insert(String deviceId, DeviceStatus status, OffsetDateTime since, String by, OffsetDateTime now) {
        jdbc.sql("INSERT INTO device_status (device_id, status, since, changed_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(deviceId, status.name(), since.withOffsetSameInstant(ZoneOffset.UTC), by, now.withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM device_status WHERE device_id = ?").param(deviceId).query(Long.class).single();
    }
}
