package footage.jobs.devices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code devices} table: one row per registered device, its current status. */
@Repository
public class Devices {

    public record Device(String id, DeviceType type, String model, String serial, DeviceStatus status,
                         OffsetDateTime registeredAt, OffsetDateTime updatedAt) {
    }

    private static final String COLUMNS = "id, type, model, serial, status, registered_at, updated_at";

    private final JdbcClient jdbc;

    Devices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Device> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM devices WHERE id = ?").param(id).query(Devices::row).optional();
    }

    public List<Device> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM devices ORDER BY id").query(Devices::row).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM devices").query(Long.class).single();
    }

    void insert(String id, DeviceType type, String model, String serial, DeviceStatus status, OffsetDateTime now) {
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, type.name(), model, serial, status.name(), at, at).update();
    }

    void update(String id, DeviceType type, String model, String serial, OffsetDateTime now) {
        jdbc.sql("UPDATE devices SET type = ?, model = ?, serial = ?, updated_at = ? WHERE id = ?")
                .params(type.name(), model, serial, now.withOffsetSameInstant(ZoneOffset.UTC), id).update();
    }

    void status(String id, DeviceStatus status, OffsetDateTime now) {
        jdbc.sql("UPDATE devices SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), now.withOffsetSameInstant(ZoneOffset.UTC), id).update();
    }

    private static Device row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Device(rs.getString("id"), DeviceType.valueOf(rs.getString("type")), rs.getString("model"),
                rs.getString("serial"), DeviceStatus.valueOf(rs.getString("status")),
                rs.getObject("registered_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
