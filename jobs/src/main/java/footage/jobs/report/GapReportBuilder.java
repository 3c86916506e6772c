package footage.jobs.report;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import footage.pipeline.continuity.FindingKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the gap report of docs/formats.md §7 from the catalog: per device its recordings on the reference clock and its
 * current findings. Superseded findings (no longer found by a later analysis) and findings about dump files
 * (manifest mismatches and the like) are not part of it.
 */
@Component
public class GapReportBuilder {

    static final List<String> KINDS = FindingKind.timelineKinds().stream().map(Enum::name).toList();
    private final JsonMapper json;
    private static final Comparator<OffsetDateTime> TIME_NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ZoneId zone;
    private final Clock clock;

    GapReportBuilder(JdbcClient jdbc, Ledger ledger, ReportProperties report, FootageProperties footage,
                     Optional<Clock> clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.zone = report.zoneOr(footage.deviceZone());
        this.clock = clock.orElse(Clock.systemUTC());
        this.json = json;
    }

    /** The zone the report's times are written in ({@code footage.report.zone}). */
    public ZoneId zone() {
        return zone;
    }

    /** One consistent read: the ledger head names the catalog state the report shows. */
    @Transactional(readOnly = true)
    public GapReport build(ReportFilter filter) {
        String ledgerHead = ledger.headHash();
        Map<String, DeviceRows> byDevice = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (RecordingRow r : recordings(filter)) {
            if (filter.overlaps(r.recording().start(), r.recording().end())) {
                DeviceRows rows = byDevice.computeIfAbsent(r.deviceId(), d -> new DeviceRows());
                rows.recordings.add(r.recording());
                rows.officers.add(r.officer());
            }
        }
        for (FindingRow f : findings(filter)) {
            if (filter.overlaps(f.finding().start(), f.finding().end())) {
                DeviceRows rows = byDevice.computeIfAbsent(f.deviceId(), d -> new DeviceRows());
                rows.findings.add(f.finding());
                rows.officers.add(f.officer());
            }
        }
        Map<String, Double> offsets = newestClockOffsets(filter.deviceId());
        List<GapReport.Device> devices = new ArrayList<>();
        byDevice.forEach((deviceId, rows) -> {
            rows.recordings.sort(Comparator.comparing(GapReport.Recording::start, TIME_NULLS_LAST)
                    .thenComparing(GapReport.Recording::file).thenComparing(GapReport.Recording::id));
            rows.findings.sort(Comparator.comparing(GapReport.Finding::start, TIME_NULLS_LAST)
                    .thenComparing(f -> f.kind().name()).thenComparing(GapReport.Finding::id));
            List<GapReport.Officer> officers = rows.officers.stream()
                    .filter(o -> o.id() != null || o.name() != null)
                    .sorted(Comparator.comparing(GapReport.Officer::label)).toList();
            devices.add(new GapReport.Device(deviceId, offsets.get(deviceId), officers, rows.recordings, rows.findings,
                    registered(deviceId, filter)));
        });
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
        return new GapReport(now, ledgerHead, zone, filter, devices);
    }

    /** The register's row of the device and its assignments overlapping the report's span; null when not registered. */
    private GapReport.Registered registered(String deviceId, ReportFilter filter) {
        if (deviceId == null) {
            return null;
        }
        return jdbc.sql("SELECT type, model, serial, status FROM devices WHERE id = ?").param(deviceId)
                .query((rs, n) -> new String[] {rs.getString("type"), rs.getString("model"), rs.getString("serial"),
                        rs.getString("status")}).optional()
                .map(d -> {
                    List<GapReport.Assignment> assignments = jdbc.sql("SELECT officer_id, officer_name, valid_from, valid_to "
                                    + "FROM device_assignments WHERE device_id = ? ORDER BY valid_from, id").param(deviceId)
                            .query((rs, n) -> new GapReport.Assignment(
                                    new GapReport.Officer(rs.getString("officer_id"), rs.getString("officer_name")),
                                    time(rs, "valid_from"), time(rs, "valid_to")))
                            .list().stream()
                            .filter(a -> (filter.to() == null || !a.from().isAfter(filter.to()))
                                    && (filter.from() == null || a.to() == null || a.to().isAfter(filter.from())))
                            .toList();
                    return new GapReport.Registered(d[0], d[1], d[2], d[3], assignments);
                }).orElse(null);
    }

    private static final class DeviceRows {
        final List<GapReport.Recording> recordings = new ArrayList<>();
        final List<GapReport.Finding> findings = new ArrayList<>();
        final Set<GapReport.Officer> officers = new LinkedHashSet<>();
    }

    private record RecordingRow(String deviceId, GapReport.Recording recording, GapReport.Officer officer) {
    }

    private record FindingRow(String deviceId, GapReport.Finding finding, GapReport.Officer officer) {
    }

    private List<RecordingRow> recordings(ReportFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT r.id, r.device_id, r.file_name, r.sha256, r.corrected_start, "
                + "COALESCE(r.media_seconds, r.duration_seconds) AS seconds, r.status, "
                + "COALESCE(d.officer_id, r.officer_id) AS officer_id, d.officer_name, "
                + "r.retention_class, r.retention_category, r.on_hold, r.retain_until, r.archive_path, r.kind "
                + "FROM recordings r JOIN dumps d ON d.id = r.dump_id WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.deviceId() != null) {
            sql.append(" AND r.device_id = :device");
            params.put("device", filter.deviceId());
        }
        if (filter.to() != null) {
            // the end needs the duration added, which H2 and PostgreSQL spell differently: overlap is checked in Java
            sql.append(" AND r.corrected_start <= :to");
            params.put("to", filter.to());
        }
        if (filter.from() != null) {
            // nothing that starts earlier than the longest recording before the window reaches into it: a range of
            // the window's recordings instead of all the device's history before it (issue 21)
            sql.append(" AND r.corrected_start >= :earliest");
            params.put("earliest", filter.from().minusSeconds(longestRecordingSeconds()));
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            OffsetDateTime start = time(rs, "corrected_start");
            Double seconds = rs.getObject("seconds", Double.class);
            boolean photo = "PHOTO".equals(rs.getString("kind"));
            OffsetDateTime end = photo ? start : start == null || seconds == null ? null
                    : start.plus(Duration.ofNanos(Math.round(seconds * 1e9)));
            GapReport.Retention retention = new GapReport.Retention(rs.getString("retention_class"),
                    rs.getString("retention_category"), rs.getBoolean("on_hold"),
                    rs.getObject("retain_until", java.time.LocalDate.class),
                    footage.jobs.catalog.ObjectLocations.isExpired(rs.getString("archive_path")));
            GapReport.Recording recording = new GapReport.Recording(Long.toString(rs.getLong("id")),
                    rs.getString("file_name"), rs.getString("sha256"), start, end, seconds, rs.getString("status"),
                    rs.getString("kind"), retention);
            return new RecordingRow(rs.getString("device_id"), recording,
                    new GapReport.Officer(rs.getString("officer_id"), rs.getString("officer_name")));
        }).list();
    }

    /** Whole seconds, rounded up; on PostgreSQL one probe of the index recordings_longest (V99). */
    private long longestRecordingSeconds() {
        Double longest = jdbc.sql("SELECT MAX(GREATEST(COALESCE(media_seconds, 0), COALESCE(duration_seconds, 0))) "
                + "FROM recordings").query(Double.class).optional().orElse(null);
        return longest == null ? 0 : (long) Math.ceil(longest) + 1;
    }

    /**
     * The start times a finding of the window can have: none after its end, none earlier than the longest finding
     * before its start (the index findings_device_start reads that range, not the device's years; issue 21). The
     * overlap itself is still decided in Java.
     */
    private String deviceWindow(ReportFilter filter, Map<String, Object> params) {
        StringBuilder window = new StringBuilder();
        if (filter.to() != null) {
            window.append(" AND a.start_at <= :to");
            params.put("to", filter.to());
        }
        if (filter.from() != null) {
            window.append(" AND a.start_at >= :earliestFinding");
            params.put("earliestFinding", filter.from().minus(longestFinding()).minusSeconds(1));
        }
        return window.toString();
    }

    /** On PostgreSQL one probe of the index findings_longest (V99). */
    private Duration longestFinding() {
        return jdbc.sql("SELECT start_at, end_at FROM findings WHERE start_at IS NOT NULL AND end_at IS NOT NULL "
                        + "ORDER BY (end_at - start_at) DESC NULLS LAST LIMIT 1")
                .query((rs, n) -> Duration.between(rs.getObject("start_at", OffsetDateTime.class),
                        rs.getObject("end_at", OffsetDateTime.class)))
                .optional().filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }

    private List<FindingRow> findings(ReportFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT f.id, COALESCE(f.device_id, d.device_id, r.device_id) AS device_id, f.kind, "
                + "f.start_at, f.end_at, f.seconds, f.recordings, f.activity_id, f.explanation_reason, f.explanation_note, "
                + "f.explained_by, f.explained_at, f.detail, d.officer_id, d.officer_name "
                + "FROM findings f LEFT JOIN dumps d ON d.id = f.dump_id LEFT JOIN recordings r ON r.id = f.recording_id "
                + "WHERE f.superseded_at IS NULL AND f.kind IN (:kinds)");
        Map<String, Object> params = new HashMap<>();
        params.put("kinds", KINDS);
        if (filter.deviceId() != null) {
            // a condition on COALESCE can use no index: the candidates come from the three indexed ways a finding
            // names its device, and the COALESCE still decides which device it is about
            sql.append(" AND f.id IN (SELECT a.id FROM findings a WHERE a.device_id = :device").append(deviceWindow(filter, params))
                    .append(" UNION SELECT a.id FROM findings a WHERE a.device_id = :device AND a.start_at IS NULL"
                    + " UNION SELECT b.id FROM findings b JOIN dumps bd ON bd.id = b.dump_id"
                    + " WHERE b.device_id IS NULL AND bd.device_id = :device"
                    + " UNION SELECT c.id FROM findings c JOIN recordings cr ON cr.id = c.recording_id"
                    + " WHERE c.device_id IS NULL AND cr.device_id = :device)"
                    + " AND COALESCE(f.device_id, d.device_id, r.device_id) = :device");
            params.put("device", filter.deviceId());
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            String reason = rs.getString("explanation_reason");
            OffsetDateTime explainedAt = time(rs, "explained_at");
            GapReport.Explanation explanation = reason == null && explainedAt == null ? null
                    : new GapReport.Explanation(reason, rs.getString("explanation_note"), rs.getString("explained_by"),
                            explainedAt);
            String id = rs.getString("id");
            GapReport.Finding finding = new GapReport.Finding(id, FindingKind.valueOf(rs.getString("kind")),
                    time(rs, "start_at"), time(rs, "end_at"), rs.getObject("seconds", Double.class),
                    fileNames(id, rs.getString("recordings")), rs.getString("activity_id"), explanation,
                    rs.getString("detail"));
            return new FindingRow(rs.getString("device_id"), finding,
                    new GapReport.Officer(rs.getString("officer_id"), rs.getString("officer_name")));
        }).list();
    }

    /** Offset measured at each device's newest dock; null where that dock had no manifest to measure it with. */
    private Map<String, Double> newestClockOffsets(String deviceId) {
        record Dock(String deviceId, OffsetDateTime at, long id, Double offset) {
        }
        // a dump without a manifest has no dock time; its registration is when it docked, as far as anyone knows.
        // A device's report reads that device's newest dock only, one probe of dumps_device_newest on PostgreSQL
        // (issue 21: not every dock of the bureau, nor every dock of the device); the order is the one below.
        List<Dock> docks = jdbc.sql("SELECT device_id, COALESCE(docked_at, registered_at) AS docked, id, clock_offset_seconds "
                        + "FROM dumps WHERE " + (deviceId == null ? "device_id IS NOT NULL"
                        : "device_id = :device ORDER BY COALESCE(docked_at, registered_at) DESC NULLS LAST, id DESC LIMIT 1"))
                .params(deviceId == null ? Map.<String, Object>of() : Map.<String, Object>of("device", deviceId))
                .query((rs, n) -> new Dock(rs.getString("device_id"), rs.getObject("docked", OffsetDateTime.class),
                        rs.getLong("id"), rs.getObject("clock_offset_seconds", Double.class)))
                .list();
        Map<String, Dock> newest = new HashMap<>();
        Comparator<Dock> order = Comparator.comparing(Dock::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(Dock::id);
        for (Dock d : docks) {
            newest.merge(d.deviceId(), d, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        Map<String, Double> offsets = new HashMap<>();
        newest.forEach((device, dock) -> offsets.put(device, dock.offset()));
        return offsets;
    }

    private OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private List<String> fileNames(String findingId, String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            JsonNode node = this.json.readTree(json);
            if (!node.isArray()) {
                throw new IllegalStateException("finding " + findingId + ": recordings is not a JSON array: " + json);
            }
            List<String> names = new ArrayList<>();
            node.forEach(n -> names.add(n.isNull() ? "" : n.asString()));
            return names;
        } catch (JacksonException e) {
            throw new IllegalStateException("finding " + findingId + ": recordings is not JSON: " + json, e);
        }
    }
}
