package footage.jobs.devices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code device_assignments} table: to which officer a device was issued, from when to when (Art. 3). Rows are
 * only inserted; an assignment's {@code valid_to} is set once, when the next one starts.
 */
@Repository
public class DeviceAssignments {

    /** {@code to} null: still assigned. */
    public record Assignment(long id, String deviceId, String officerId, String officerName, OffsetDateTime from,
                             OffsetDateTime to, String by, OffsetDateTime recordedAt) {
    }

    private static final String COLUMNS = "id, device_id, officer_id, officer_name, valid_from, valid_to, assigned_by, recorded_at";

    private final JdbcClient jdbc;

    DeviceAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Assignment> of(String deviceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_assignments WHERE device_id = ? ORDER BY valid_from, id")
                .param(deviceId).query(DeviceAssignments::row).list();
    }

    public Optional<Assignment> current(String deviceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_assignments WHERE device_id = ? AND valid_to IS NULL ORDER BY id DESC")
                .param(deviceId).query(DeviceAssignments::row).list().stream().findFirst();
    }

    long insert(String deviceId, String officerId, String officerName, OffsetDateTime from, String by, OffsetDateTime now) {
        jdbc.sql("INSERT INTO device_assignments (device_id, officer_id, officer_name, valid_from, valid_to, assigned_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, NULL, ?, ?)")
                .params(deviceId, officerId, officerName, from.withOffsetSameInstant(ZoneOffset.UTC), by, now.withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM device_assignments WHERE device_id = ?").param(deviceId).query(Long.class).single();
    }

    void close(long id, OffsetDateTime to) {
        jdbc.sql("UPDATE device_assignments SET valid_to = ? WHERE id = ? AND valid_to IS NULL")
                .params(to.withOffsetSameInstant(ZoneOffset.UTC), id).update();
    }

    private static Assignment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Assignment(rs.getLong("id"), rs.getString("device_id"), rs.getString("officer_id"), rs.getString("officer_name"),
                rs.getObject("valid_from", OffsetDateTime.class), rs.getObject("valid_to", OffsetDateTime.class),
                rs.getString("assigned_by"), rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
