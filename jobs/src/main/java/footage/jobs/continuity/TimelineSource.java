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

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
                .query((rs, n) -> new Dock("dump:" + rs.getLong("id"), deviceId, rs.getObject("docked_at", OffsetDateTime.class),
                        rs.getObject("device_clock_at_dock", OffsetDateTime.class)))
                .list();
    }

    List<Segment> segments(String deviceId, List<Dock> docks) {
        Map<String, Dock> byKey = new HashMap<>();
        docks.forEach(d -> byKey.put(d.key(), d));
        return jdbc.sql(SEGMENTS + " FROM recordings WHERE device_id = ? ORDER BY id")
                .param(deviceId)
                .query((rs, n) -> segment(rs, byKey))
                .list();
    }

    private static final String SEGMENTS = "SELECT sha256, file_name, dump_id, device_start, device_start_source, creation_time, "
            + "duration_seconds, media_seconds, status, officer_id, jumps_json, time_problem, status_reason, damage_from_seconds, "
            + "damage_to_seconds, kind, video_codec, audio_codec, silences_json";

    /**
     * A device's recordings as a windowed analysis reads them, and which they are.
     *
     * @param segments     in catalog order
     * @param recordingIds catalog id by segment key (its SHA-256)
     */
    record Segments(List<Segment> segments, Map<String, Long> recordingIds) {
    }

    /**
     * A device's recordings that reach into {@code range} (by their corrected start: none that starts earlier than the
     * longest recording before it, an index range of the device's, not its years) and every one of {@code dumpIds},
     * with the docks they came in with. Docks missing from {@code docks} are read and added to it.
     */
    Segments segmentsIn(String deviceId, Window range, Collection<Long> dumpIds, List<Dock> docks) {
        Map<String, Object> params = new HashMap<>();
        params.put("device", deviceId);
        params.put("earliest", range.from().minusSeconds(longestRecordingSeconds()).atOffset(ZoneOffset.UTC));
        params.put("to", range.to().atOffset(ZoneOffset.UTC));
        String ids = "SELECT r.id FROM recordings r WHERE r.device_id = :device AND r.corrected_start >= :earliest "
                + "AND r.corrected_start <= :to";
        if (!dumpIds.isEmpty()) {
            ids += " UNION SELECT r.id FROM recordings r WHERE r.dump_id IN (:dumps) AND r.device_id = :device";
            params.put("dumps", dumpIds);
        }
        List<Long> dumpsOfRows = jdbc.sql("SELECT id, dump_id FROM recordings WHERE id IN (" + ids + ")").params(params)
                .query((rs, n) -> rs.getLong("dump_id")).list();
        Set<Long> known = new HashSet<>();
        docks.forEach(d -> known.add(Long.parseLong(d.key().substring("dump:".length()))));
        Set<Long> missing = new TreeSet<>(dumpsOfRows);
        missing.removeAll(known);
        docks.addAll(docksByIds(deviceId, missing));
        Map<String, Dock> byKey = new HashMap<>();
        docks.forEach(d -> byKey.put(d.key(), d));
        Map<String, Long> recordingIds = new HashMap<>();
        List<Segment> segments = jdbc.sql(SEGMENTS + ", id FROM recordings WHERE id IN (" + ids + ") ORDER BY id").params(params)
                .query((rs, n) -> {
                    Segment s = segment(rs, byKey);
                    recordingIds.put(s.key(), rs.getLong("id"));
                    return s;
                })
                .list();
        return new Segments(segments, recordingIds);
    }

    /** The longest recording in seconds, rounded up (one probe of the expression index recordings_longest on PostgreSQL). */
    long longestRecordingSeconds() {
        Double longest = jdbc.sql("SELECT MAX(GREATEST(COALESCE(media_seconds, 0), COALESCE(duration_seconds, 0))) "
                + "FROM recordings").query(Double.class).optional().orElse(null);
        return longest == null ? 0 : (long) Math.ceil(longest) + 1;
    }

    /** These dumps as docks of the device, quarantined ones left out (as {@link #docks} does). */
    List<Dock> docksByIds(String deviceId, Collection<Long> dumpIds) {
        if (dumpIds.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(jdbc.sql("SELECT id, docked_at, device_clock_at_dock FROM dumps "
                        + "WHERE status <> 'QUARANTINED' AND id IN (:ids) ORDER BY id")
                .param("ids", dumpIds)
                .query((rs, n) -> new Dock("dump:" + rs.getLong("id"), deviceId, rs.getObject("docked_at", OffsetDateTime.class),
                        rs.getObject("device_clock_at_dock", OffsetDateTime.class)))
                .list());
    }

    /** The device's own dumps docked (or, without a docking time, registered) within the range. */
    List<Long> dumpsDockedIn(String deviceId, Window range) {
        return jdbc.sql("SELECT id FROM dumps WHERE device_id = :device AND status <> 'QUARANTINED' "
                        + "AND COALESCE(docked_at, registered_at) >= :from AND COALESCE(docked_at, registered_at) <= :to ORDER BY id")
                .param("device", deviceId).param("from", range.from().atOffset(ZoneOffset.UTC))
                .param("to", range.to().atOffset(ZoneOffset.UTC))
                .query(Long.class).list();
    }

    /**
     * The span of a device's recordings in these dumps (corrected start to start plus length) and of the dumps'
     * docking (or registration) times; null when none of them has a time.
     */
    Window spanOf(String deviceId, Collection<Long> dumpIds) {
        Window[] span = {null};
        jdbc.sql("SELECT corrected_start, duration_seconds, media_seconds FROM recordings WHERE dump_id IN (:dumps) "
                        + "AND device_id = :device AND corrected_start IS NOT NULL")
                .param("dumps", dumpIds).param("device", deviceId)
                .query((rs, n) -> {
                    Instant start = rs.getObject("corrected_start", OffsetDateTime.class).toInstant();
                    double seconds = Math.max(number(rs, "duration_seconds"), number(rs, "media_seconds"));
                    Instant end = start.plusNanos(Math.round(seconds * 1e9));
                    span[0] = span[0] == null ? new Window(start, end) : span[0].including(start, end);
                    return start;
                }).list();
        jdbc.sql("SELECT COALESCE(docked_at, registered_at) AS at FROM dumps WHERE id IN (:dumps)").param("dumps", dumpIds)
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
                    if (at != null) {
                        span[0] = span[0] == null ? new Window(at.toInstant(), at.toInstant()) : span[0].including(at.toInstant(), null);
                    }
                    return at;
                }).list();
        return span[0];
    }

    private static double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? 0 : v;
    }

    private Segment segment(ResultSet rs, Map<String, Dock> byKey) throws SQLException {
        String source = rs.getString("device_start_source");
        LocalDateTime nameStart = "FILE_NAME".equals(source) ? rs.getObject("device_start", LocalDateTime.class) : null;
        boolean damaged = "DAMAGED".equals(rs.getString("status"));
        Double stated = rs.getObject("duration_seconds", Double.class);
        Double media = rs.getObject("media_seconds", Double.class);
        // a damaged file's real length is where its media ends, not what its header promised
        Double duration = damaged && media != null ? media : stated != null ? stated : media;
        // why (the truncation, or the decode check's "N decode errors between t1 and t2") and, for the
        // decode check, where in the file
        return new Segment(rs.getString("sha256"), rs.getString("file_name"), byKey.get("dump:" + rs.getLong("dump_id")),
                nameStart, instant(rs.getString("creation_time")), duration, damaged, rs.getString("officer_id"),
                jumps(rs.getString("jumps_json")), rs.getString("time_problem"),
                damaged ? rs.getString("status_reason") : null,
                damaged ? rs.getObject("damage_from_seconds", Double.class) : null,
                damaged ? rs.getObject("damage_to_seconds", Double.class) : null,
                RecordingKind.valueOf(rs.getString("kind")),
                // with a video stream and no audio stream: no sound; with neither the probe could not tell
                rs.getString("audio_codec") != null ? Boolean.TRUE : rs.getString("video_codec") != null ? Boolean.FALSE : null,
                silences(rs.getString("silences_json")));
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

    /**
     * Devices that recorded any of these officers within the range: an activity naming officers, inside the range,
     * involves no other device's recordings (a device that recorded them at another time has nothing in its window).
     */
    Set<String> devicesOfOfficers(Set<String> officers, Window range) {
        if (officers.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT device_id FROM recordings WHERE officer_id IN (:officers) AND device_id IS NOT NULL "
                        + "AND corrected_start >= :earliest AND corrected_start <= :to")
                .param("officers", officers)
                .param("earliest", range.from().minusSeconds(longestRecordingSeconds()).atOffset(ZoneOffset.UTC))
                .param("to", range.to().atOffset(ZoneOffset.UTC))
                .query(String.class).list());
    }

    /** {@link #activitiesNaming(Set)} that overlap the window (index activities_end: those ending after its start). */
    List<Activity> activitiesNaming(Set<String> devices, Window window) {
        StringBuilder where = new StringBuilder(" WHERE end_at >= :from AND start_at <= :to AND ((officers IS NOT NULL AND officers <> '')");
        Map<String, Object> params = new HashMap<>();
        params.put("from", window.from().atOffset(ZoneOffset.UTC));
        params.put("to", window.to().atOffset(ZoneOffset.UTC));
        int i = 0;
        for (String device : devices) {
            where.append(" OR devices LIKE :d").append(i);
            params.put("d" + i++, "%" + device + "%");
        }
        return jdbc.sql(ACTIVITIES + where + ") ORDER BY id").params(params).query(TimelineSource::activity).list();
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

    private static Activity activity(ResultSet rs, int n) throws SQLException {
        return new Activity(rs.getString("id"), rs.getString("case_number"),
                rs.getObject("start_at", OffsetDateTime.class).toInstant(), rs.getObject("end_at", OffsetDateTime.class).toInstant(),
                split(rs.getString("devices")), split(rs.getString("officers")));
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
