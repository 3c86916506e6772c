package footage.jobs.evidence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Read-only queries of the catalog for the evidence console: one SQL for H2 and PostgreSQL. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CatalogSearch {

    /**
     * Recording {@code r} belongs to a case (activity id or case number, bound four times) when one of the activity's
     * devices started it inside the window, or when a finding of the activity names it.
     */
    /**
     * The same membership as {@link AccessRequests#inCase}: one of the activity's devices recorded it and it overlaps
     * the window (end = start + the longer of the stated and media durations; a recording without one is an instant),
     * or a finding of the activity names it. Standard interval arithmetic, which H2 and PostgreSQL both take.
     */
    static final String IN_CASE = "(EXISTS (SELECT 1 FROM activities a WHERE (a.id = ? OR a.case_number = ?)"
            + " AND ',' || a.devices || ',' LIKE '%,' || r.device_id || ',%'"
            + " AND r.corrected_start < a.end_at"
            + " AND (r.corrected_start >= a.start_at OR r.corrected_start + INTERVAL '1' SECOND"
            + " * GREATEST(COALESCE(r.duration_seconds, 0), COALESCE(r.media_seconds, 0)) > a.start_at))"
            + " OR EXISTS (SELECT 1 FROM findings g JOIN activities a ON a.id = g.activity_id"
            + " WHERE g.recording_id = r.id AND (a.id = ? OR a.case_number = ?)))";

    private final JdbcClient jdbc;

    CatalogSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every field may be null: no condition. Times are reference (corrected) times, {@code to} exclusive. */
    record Filter(String device, String officer, String caseOrActivity, OffsetDateTime from, OffsetDateTime to,
                  String status, String findingKind, String retentionClass, String recordingKind) {

        Filter(String device, String officer, String caseOrActivity, OffsetDateTime from, OffsetDateTime to,
               String status, String findingKind, String retentionClass) {
            this(device, officer, caseOrActivity, from, to, status, findingKind, retentionClass, null);
        }
    }

    /** @param kind VIDEO, AUDIO or PHOTO */
    record Hit(long id, String fileName, String deviceId, String officerId, OffsetDateTime correctedStart,
               Double durationSeconds, String status, long findings, String retentionClass, boolean onHold, String kind) {
    }

    /** An active hold that keeps the recording: set on it, or on a case one of whose activities covers it. */
    record Hold(long id, String caseNumber, Long recordingId, String reason, String setBy, OffsetDateTime setAt) {
    }

    /** An imported activity with the coverage the continuity analysis stored for it (null: not analysed yet). */
    record Activity(String id, String caseNumber, OffsetDateTime start, OffsetDateTime end, List<String> devices,
                    List<String> officers, Double coveragePercent) {
    }

    record Page(List<Hit> hits, int page, boolean hasNext) {
    }

    record Recording(long id, String fileName, String deviceId, String officerId, String officerName, long dumpId,
                     String dumpFolder, String station, OffsetDateTime correctedStart, java.time.LocalDateTime deviceStart,
                     Double clockOffsetSeconds, Double durationSeconds, Double mediaSeconds, String container,
                     String videoCodec, String audioCodec, Integer width, Integer height, long sizeBytes, String sha256,
                     String status, String statusReason, String retentionClass, String retentionCategory,
                     java.time.LocalDate retainUntil, boolean onHold, OffsetDateTime ingestedAt, String kind) {

        public boolean audio() {
            return "AUDIO".equals(kind);
        }

        public boolean photo() {
            return "PHOTO".equals(kind);
        }
    }

    record Finding(String id, String kind, OffsetDateTime startAt, OffsetDateTime endAt, Double seconds, String detail,
                   boolean superseded, String explanationReason, String explanationNote, String explainedBy) {
    }

    record Entry(long seq, OffsetDateTime at, String type, String subject, String actor, String payload) {
    }

    Page search(Filter f, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT r.id, r.file_name, r.device_id, r.officer_id, r.corrected_start, "
                + "r.duration_seconds, r.status, (SELECT COUNT(*) FROM findings x WHERE x.recording_id = r.id "
                + "AND x.superseded_at IS NULL) AS open_findings, r.retention_class, r.on_hold, r.kind FROM recordings r WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.device() != null) {
            sql.append(" AND r.device_id = ?");
            params.add(f.device());
        }
        if (f.officer() != null) {
            sql.append(" AND r.officer_id = ?");
            params.add(f.officer());
        }
        if (f.caseOrActivity() != null) {
            sql.append(" AND ").append(IN_CASE);
            for (int i = 0; i < 4; i++) {
                params.add(f.caseOrActivity());
            }
        }
        if (f.from() != null) {
            sql.append(" AND r.corrected_start >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND r.corrected_start < ?");
            params.add(f.to());
        }
        if (f.status() != null) {
            sql.append(" AND r.status = ?");
            params.add(f.status());
        }
        if (f.findingKind() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM findings k WHERE k.recording_id = r.id AND k.kind = ?"
                    + " AND k.superseded_at IS NULL)");
            params.add(f.findingKind());
        }
        if (f.retentionClass() != null) {
            sql.append(" AND r.retention_class = ?");
            params.add(f.retentionClass());
        }
        if (f.recordingKind() != null) {
            sql.append(" AND r.kind = ?");
            params.add(f.recordingKind());
        }
        // one row more than the page tells whether there is a next page without counting everything
        sql.append(" ORDER BY r.corrected_start DESC, r.id DESC LIMIT ? OFFSET ?");
        params.add(size + 1);
        params.add((long) (Math.max(page, 1) - 1) * size);
        List<Hit> hits = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Hit(rs.getLong("id"), rs.getString("file_name"), rs.getString("device_id"),
                        rs.getString("officer_id"), rs.getObject("corrected_start", OffsetDateTime.class),
                        rs.getObject("duration_seconds", Double.class), rs.getString("status"), rs.getLong("open_findings"),
                        rs.getString("retention_class"), rs.getBoolean("on_hold"), rs.getString("kind")))
                .list();
        boolean next = hits.size() > size;
        return new Page(next ? hits.subList(0, size) : hits, Math.max(page, 1), next);
    }

    List<String> findingKinds() {
        // DISTINCT would read every finding; this walks the index findings_kind, one probe per kind (issue 21)
        return jdbc.sql("WITH RECURSIVE k (kind) AS (SELECT MIN(kind) FROM findings UNION ALL "
                + "SELECT (SELECT MIN(f.kind) FROM findings f WHERE f.kind > k.kind) FROM k WHERE k.kind IS NOT NULL) "
                + "SELECT kind FROM k WHERE kind IS NOT NULL ORDER BY kind").query(String.class).list();
    }

    java.util.Optional<Recording> recording(long id) {
        return jdbc.sql("SELECT r.id, r.file_name, r.device_id, r.officer_id, d.officer_name, r.dump_id, d.folder, d.station, "
                        + "r.corrected_start, r.device_start, d.clock_offset_seconds, r.duration_seconds, r.media_seconds, "
                        + "r.container, r.video_codec, r.audio_codec, r.width, r.height, r.size_bytes, r.sha256, r.status, "
                        + "r.status_reason, r.retention_class, r.retention_category, r.retain_until, r.on_hold, r.ingested_at, r.kind "
                        + "FROM recordings r JOIN dumps d ON d.id = r.dump_id WHERE r.id = ?")
                .param(id)
                .query((rs, n) -> new Recording(rs.getLong("id"), rs.getString("file_name"), rs.getString("device_id"),
                        rs.getString("officer_id"), rs.getString("officer_name"), rs.getLong("dump_id"),
                        rs.getString("folder"), rs.getString("station"),
                        rs.getObject("corrected_start", OffsetDateTime.class),
                        rs.getObject("device_start", java.time.LocalDateTime.class),
                        rs.getObject("clock_offset_seconds", Double.class), rs.getObject("duration_seconds", Double.class),
                        rs.getObject("media_seconds", Double.class), rs.getString("container"),
                        rs.getString("video_codec"), rs.getString("audio_codec"), rs.getObject("width", Integer.class),
                        rs.getObject("height", Integer.class), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("status"), rs.getString("status_reason"), rs.getString("retention_class"),
                        rs.getString("retention_category"), rs.getObject("retain_until", java.time.LocalDate.class),
                        rs.getBoolean("on_hold"), rs.getObject("ingested_at", OffsetDateTime.class), rs.getString("kind")))
                .optional();
    }

    List<Finding> findings(long recordingId) {
        return jdbc.sql("SELECT id, kind, start_at, end_at, seconds, detail, superseded_at, explanation_reason, "
                        + "explanation_note, explained_by FROM findings WHERE recording_id = ? ORDER BY start_at, id")
                .param(recordingId)
                .query((rs, n) -> new Finding(rs.getString("id"), rs.getString("kind"), rs.getObject("start_at", OffsetDateTime.class),
                        rs.getObject("end_at", OffsetDateTime.class), (Double) rs.getObject("seconds"), rs.getString("detail"),
                        rs.getObject("superseded_at") != null, rs.getString("explanation_reason"),
                        rs.getString("explanation_note"), rs.getString("explained_by")))
                .list();
    }

    /** The recording's own entries and those of its findings, oldest first. */
    List<Entry> history(long recordingId) {
        // two lookups by subject, not one OR that no index answers (issue 21); the prefixes keep them disjoint
        return jdbc.sql("SELECT seq, entry_time, entry_type, subject, actor, payload FROM ledger WHERE subject = ? "
                        + "UNION ALL SELECT seq, entry_time, entry_type, subject, actor, payload FROM ledger "
                        + "WHERE subject IN (SELECT 'finding:' || id FROM findings WHERE recording_id = ?) ORDER BY seq")
                .params("recording:" + recordingId, recordingId)
                .query((rs, n) -> new Entry(rs.getLong("seq"), rs.getObject("entry_time", OffsetDateTime.class),
                        rs.getString("entry_type"), rs.getString("subject"), rs.getString("actor"), rs.getString("payload")))
                .list();
    }

    /**
     * The active holds that keep this recording. A case hold covers the recordings of its activities' devices or
     * officers that share a moment with an activity's window: the rule of retention's Coverage, which decides
     * {@code recordings.on_hold}, read here again because that package keeps it to itself.
     */
    List<Hold> holds(Recording r) {
        List<Hold> active = jdbc.sql("SELECT id, case_number, recording_id, reason, set_by, set_at FROM holds "
                        + "WHERE lifted_at IS NULL AND (recording_id = ? OR case_number IS NOT NULL) ORDER BY id")
                .param(r.id())
                .query(CatalogSearch::hold)
                .list();
        OffsetDateTime start = r.correctedStart();
        Double seconds = r.mediaSeconds() != null ? r.mediaSeconds() : r.durationSeconds();
        OffsetDateTime end = start == null || seconds == null ? start
                : start.plus(java.time.Duration.ofNanos(Math.round(seconds * 1e9)));
        List<Hold> covering = new ArrayList<>();
        for (Hold h : active) {
            if (h.recordingId() != null) {
                covering.add(h);
            } else if (start != null && jdbc.sql("SELECT id, case_number, start_at, end_at, devices, officers, "
                            + "coverage_percent FROM activities WHERE case_number = ? AND start_at <= ? AND end_at >= ?")
                    .params(h.caseNumber(), end, start).query(CatalogSearch::activity).list().stream()
                    .anyMatch(a -> a.devices().contains(r.deviceId()) || a.officers().contains(r.officerId()))) {
                covering.add(h);
            }
        }
        return covering;
    }

    /** Every active hold, on a case or on a recording, oldest first. */
    List<Hold> activeHolds() {
        return jdbc.sql("SELECT id, case_number, recording_id, reason, set_by, set_at FROM holds WHERE lifted_at IS NULL "
                        + "ORDER BY id")
                .query(CatalogSearch::hold)
                .list();
    }

    /** The newest activities first, as many as a page lists. */
    List<Activity> activities() {
        return jdbc.sql("SELECT id, case_number, start_at, end_at, devices, officers, coverage_percent FROM activities "
                + "ORDER BY start_at DESC, id LIMIT 200").query(CatalogSearch::activity).list();
    }

    java.util.Optional<Activity> activity(String id) {
        return jdbc.sql("SELECT id, case_number, start_at, end_at, devices, officers, coverage_percent FROM activities "
                + "WHERE id = ?").param(id).query(CatalogSearch::activity).optional();
    }

    /**
     * The devices whose lanes an activity's timeline shows: its own, and those its officers recorded with, as the
     * continuity analysis counts them when it computes the activity's coverage.
     */
    List<String> devicesOf(Activity a) {
        java.util.Set<String> devices = new java.util.TreeSet<>(a.devices());
        if (!a.officers().isEmpty()) {
            devices.addAll(jdbc.sql("SELECT DISTINCT device_id FROM recordings WHERE officer_id IN (:officers) "
                    + "AND device_id IS NOT NULL").param("officers", a.officers()).query(String.class).list());
        }
        return List.copyOf(devices);
    }

    private static Hold hold(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Hold(rs.getLong("id"), rs.getString("case_number"), rs.getObject("recording_id", Long.class),
                rs.getString("reason"), rs.getString("set_by"), rs.getObject("set_at", OffsetDateTime.class));
    }

    private static Activity activity(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Activity(rs.getString("id"), rs.getString("case_number"), rs.getObject("start_at", OffsetDateTime.class),
                rs.getObject("end_at", OffsetDateTime.class), split(rs.getString("devices")), split(rs.getString("officers")),
                rs.getObject("coverage_percent", Double.class));
    }

    private static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
    }
}
