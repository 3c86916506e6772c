package footage.jobs.continuity;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import footage.pipeline.continuity.Activity;
import footage.pipeline.continuity.Dock;
import footage.pipeline.continuity.Jump;
import footage.pipeline.continuity.Segment;
import footage.pipeline.media.RecordingKind;
import footage.pipeline.media.SilentSpan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads what the analysis needs from the catalog: a device's docks and recordings, and the activities. */
@Component
class TimelineSource {

    private final JsonMapper json;

    private final JdbcClient jdbc;

    TimelineSource(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Docks that brought recordings of this device, or that are registered for it. */
    List<Dock> docks(String deviceId) {
        // one UNION of two index lookups: an OR across the two would read every dump of the bureau (issue 21)
        return jdbc.sql("SELECT d.id, d.docked_at, d.device_clock_at_dock FROM dumps d WHERE d.status <> 'QUARANTINED' AND "
                        + "d.id IN (SELECT e.id FROM dumps e WHERE e.device_id = :device "
                        + "UNION SELECT r.dump_id FROM recordings r WHERE r.device_id = :device) ORDER BY d.id")
                .param("device", deviceId)
                .query((rs, n) -> new Dock("dump:" + rs.getLong(1), deviceId, rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class)))
                .list();
    }

    List<Segment> segments(String deviceId, List<Dock> docks) {
        Map<String, Dock> byKey = new HashMap<>();
        docks.forEach(d -> byKey.put(d.key(), d));
        return jdbc.sql("SELECT sha256, file_name, dump_id, device_start, device_start_source, creation_time, duration_seconds, "
                        + "media_seconds, status, officer_id, jumps_json, time_problem, status_reason, damage_from_seconds, "
                        + "damage_to_seconds, kind, video_codec, audio_codec, silences_json FROM recordings WHERE device_id = ? ORDER BY id")
                .param(deviceId)
                .query((rs, n) -> {
                    String source = rs.getString(5);
                    LocalDateTime nameStart = "FILE_NAME".equals(source) ? rs.getObject(4, LocalDateTime.class) : null;
                    boolean damaged = "DAMAGED".equals(rs.getString(9));
                    Double stated = (Double) rs.getObject(7, Double.class);
                    Double media = (Double) rs.getObject(8, Double.class);
                    // a damaged file's real length is where its media ends, not what its header promised
                    Double duration = damaged && media != null ? media : stated != null ? stated : media;
                    // why (the truncation, or the decode check's "N decode errors between t1 and t2") and, for the
                    // decode check, where in the file
                    return new Segment(rs.getString(1), rs.getString(2), byKey.get("dump:" + rs.getLong(3)), nameStart,
                            instant(rs.getString(6)), duration, damaged, rs.getString(10), jumps(rs.getString(11)),
                            rs.getString(12), damaged ? rs.getString(13) : null,
                            damaged ? (Double) rs.getObject(14, Double.class) : null,
                            damaged ? (Double) rs.getObject(15, Double.class) : null,
                            RecordingKind.valueOf(rs.getString(16)),
                            // with a video stream and no audio stream: no sound; with neither the probe could not tell
                            rs.getString(18) != null ? Boolean.TRUE : rs.getString(17) != null ? Boolean.FALSE : null,
                            silences(rs.getString(19)));
                })
                .list();
    }

    /** Every device a dump or a recording names. */
    List<String> allDevices() {
        return jdbc.sql("SELECT device_id FROM dumps WHERE device_id IS NOT NULL AND status <> 'QUARANTINED' "
                + "UNION SELECT device_id FROM recordings WHERE device_id IS NOT NULL").query(String.class).list();
    }

    /** Devices that recorded any of these officers (for activities that name officers, not devices). */
    Set<String> devicesOfOfficers(Set<String> officers) {
        if (officers.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT device_id FROM recordings WHERE officer_id IN (:officers) AND device_id IS NOT NULL")
                .param("officers", officers).query(String.class).list());
    }

    List<Activity> activities() {
        return jdbc.sql(ACTIVITIES + " ORDER BY id").query(TimelineSource::activity).list();
    }

    /**
     * The activities that may involve one of these devices: those naming officers (whose devices only the caller can
     * tell) and those whose device list contains one of these ids. A superset: the caller still checks membership
     * exactly; what it saves is reading and splitting the bureau's every activity (one per device-week: 47 k at 1 M
     * recordings) for a docking of one device (issue 21). Beyond {@link #FILTERED_DEVICES} devices, all of them.
     */
    List<Activity> activitiesNaming(Set<String> devices) {
        if (devices.isEmpty() || devices.size() > FILTERED_DEVICES) {
            return activities();
        }
        StringBuilder where = new StringBuilder(" WHERE (officers IS NOT NULL AND officers <> '')");
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (String device : devices) {
            // a substring test: '%' or '_' in an id only widen the match, and the caller's exact check narrows it again
            where.append(" OR devices LIKE :d").append(i);
            params.put("d" + i++, "%" + device + "%");
        }
        return jdbc.sql(ACTIVITIES + where + " ORDER BY id").params(params).query(TimelineSource::activity).list();
    }

    /** How many devices {@link #activitiesNaming} still filters for: more would be a longer OR than the table read. */
    static final int FILTERED_DEVICES = 50;

    private static final String ACTIVITIES = "SELECT id, case_number, start_at, end_at, devices, officers FROM activities";

    private static Activity activity(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Activity(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getObject(4, OffsetDateTime.class).toInstant(), split(rs.getString(5)), split(rs.getString(6)));
    }

    static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Instant instant(String creationTime) {
        if (creationTime == null) {
            return null;
        }
        try {
            return Instant.parse(creationTime);
        } catch (DateTimeParseException e) {
            return null; // kept verbatim in the catalog; not a usable time
        }
    }

    private List<SilentSpan> silences(String json) {
        if (json == null) {
            return null;
        }
        try {
            List<Map<String, Double>> raw = this.json.readValue(json, new TypeReference<>() { });
            return raw.stream().map(j -> new SilentSpan(j.get("fromSeconds"), j.get("toSeconds"))).toList();
        } catch (JacksonException e) {
            throw new IllegalStateException("recordings.silences_json is not valid JSON: " + json, e);
        }
    }

    private List<Jump> jumps(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<Map<String, Double>> raw = this.json.readValue(json, new TypeReference<>() { });
            return raw.stream().map(j -> new Jump(j.get("fromSeconds"), j.get("toSeconds"))).toList();
        } catch (JacksonException e) {
            throw new IllegalStateException("recordings.jumps_json is not valid JSON: " + json, e);
        }
    }
}
