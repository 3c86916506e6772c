package footage.jobs.catalog;

import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import footage.pipeline.text.Bounded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalog rows (docs/architecture.md §2). Callers own the transaction; every change also writes its ledger entry, so a change
 * without its entry cannot commit.
 */
@Repository
public class Catalog {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final DomainMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    Catalog(JdbcClient jdbc, Ledger ledger, DomainMetrics metrics) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The dump of this folder that is registered and not finished yet, if any: files found later join it. */
    public Optional<OpenDump> openDumpOf(String folder) {
        return jdbc.sql("SELECT id, folder, device_id, has_manifest FROM dumps WHERE folder = ? AND status = 'REGISTERED' "
                        + "ORDER BY id DESC LIMIT 1")
                .param(folder).query(Catalog::openDump).optional();
    }

    /** The last finished (or quarantined) drop of this folder, when it was dropped before. */
    public Optional<Long> earlierDropOf(String folder) {
        return jdbc.sql("SELECT MAX(id) FROM dumps WHERE folder = ?").param(folder).query(Long.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** Paths already registered for a dump (whatever became of them). */
    public java.util.Set<String> dumpFilePaths(long dumpId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT path FROM dump_files WHERE dump_id = ?").param(dumpId)
                .query(String.class).list());
    }

    public record NewDump(String folder, String fingerprint, String station, String deviceId, String officerId,
                          String officerName, OffsetDateTime dockedAt, OffsetDateTime deviceClockAtDock,
                          Double clockOffsetSeconds, boolean hasManifest, String manifestSha256, String status,
                          String reason) {
    }

    public long registerDump(NewDump d, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        // the folder's n-th drop; (folder, n) is unique, so two processes registering one drop cannot both commit
        int generation = jdbc.sql("SELECT COALESCE(MAX(drop_generation), 0) + 1 FROM dumps WHERE folder = ?")
                .param(d.folder()).query(Integer.class).single();
        jdbc.sql("INSERT INTO dumps (folder, fingerprint, station, device_id, officer_id, officer_name, docked_at, "
                        + "device_clock_at_dock, clock_offset_seconds, has_manifest, manifest_sha256, status, reason, registered_at, "
                        + "drop_generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.folder(), d.fingerprint(), d.station(), d.deviceId(), d.officerId(), d.officerName(),
                        d.dockedAt(), d.deviceClockAtDock(), d.clockOffsetSeconds(), d.hasManifest(),
                        d.manifestSha256(), d.status(), Bounded.text(d.reason(), 2000), now(), generation)
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("folder", d.folder());
        payload.put("deviceId", d.deviceId());
        payload.put("manifestSha256", d.manifestSha256());
        payload.put("status", d.status());
        payload.put("reason", d.reason());
        ledger.append("DUMP_REGISTERED", "dump:" + id, actor, payload);
        return id;
    }

    /** Adds a file to a registered dump; {@code status} PENDING for files to take in, else its final state. */
    public long addDumpFile(long dumpId, String path, boolean listed, Long listedSize, String listedMd5, Long size,
                            String status, String reason) {
        return addDumpFile(dumpId, path, null, listed, listedSize, listedMd5, size, status, reason);
    }

    /** The same, for a file whose {@code path} does not spell its name: its bytes in hex ({@code rawPath}). */
    public long addDumpFile(long dumpId, String path, String rawPath, boolean listed, Long listedSize, String listedMd5,
                            Long size, String status, String reason) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO dump_files (dump_id, path, raw_path, listed, listed_size, listed_md5, size_bytes, status, reason, "
                        + "processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(dumpId, path, rawPath, listed, listedSize, listedMd5, size, status, Bounded.text(reason, 2000),
                        "PENDING".equals(status) ? null : now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The columns of a {@link PendingFile}, for {@link #pendingFile}; callers add their WHERE. */
    public static final String PENDING_FILES = "SELECT f.id, f.dump_id, d.folder, f.path, f.listed, f.listed_size, f.listed_md5, "
            + "d.device_id, d.officer_id, d.docked_at, d.clock_offset_seconds, f.size_bytes, d.has_manifest, "
            + "f.registered_mtime_ns, f.registered_file_key, f.attempts, f.raw_path "
            + "FROM dump_files f JOIN dumps d ON d.id = f.dump_id ";

    public static PendingFile pendingFile(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new PendingFile(rs.getLong("id"), rs.getLong("dump_id"), rs.getString("folder"), rs.getString("path"),
                rs.getBoolean("listed"), rs.getObject("listed_size", Long.class), rs.getString("listed_md5"),
                rs.getString("device_id"), rs.getString("officer_id"), rs.getObject("docked_at", OffsetDateTime.class),
                rs.getObject("clock_offset_seconds", Double.class), rs.getObject("size_bytes", Long.class),
                rs.getBoolean("has_manifest"), rs.getObject("registered_mtime_ns", Long.class),
                rs.getString("registered_file_key"), rs.getInt("attempts"), rs.getString("raw_path"));
    }

    /**
     * What a file was when it was registered, or last seen still changing: size, modification time and file key,
     * which taking it in compares with (issue 15).
     */
    public void registration(long fileId, long size, Long mtimeNanos, String fileKey) {
        jdbc.sql("UPDATE dump_files SET size_bytes = ?, registered_mtime_ns = ?, registered_file_key = ? WHERE id = ?")
                .params(size, mtimeNanos, fileKey, fileId).update();
    }

    /** One more run whose read of the file failed in a way that repeats. */
    public void countAttempt(long fileId) {
        jdbc.sql("UPDATE dump_files SET attempts = attempts + 1 WHERE id = ?").param(fileId).update();
    }

    /** The next file to take in after {@code afterId}, in registration order. */
    public Optional<PendingFile> nextPending(long afterId) {
        return jdbc.sql(PENDING_FILES + "WHERE f.status = 'PENDING' AND f.id > ? ORDER BY f.id LIMIT 1")
                .param(afterId).query(Catalog::pendingFile).optional();
    }

    public long countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM dump_files WHERE status = 'PENDING'").query(Long.class).single();
    }

    public long pendingBytes() {
        return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM dump_files WHERE status = 'PENDING'").query(Long.class).single();
    }

    /** Files that failed for a passing reason (I/O) get another try in the next run. */
    public int retryFailed() {
        return jdbc.sql("UPDATE dump_files SET status = 'PENDING', reason = NULL WHERE status = 'FAILED'").update();
    }

    public Optional<Long> recordingIdBySha256(String sha256) {
        return jdbc.sql("SELECT id FROM recordings WHERE sha256 = ?").param(sha256).query(Long.class).optional();
    }

    public long addRecording(NewRecording r, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO recordings (sha256, md5, size_bytes, archive_path, original_path, file_name, dump_id, device_id, "
                        + "officer_id, device_start, device_start_source, creation_time, corrected_start, duration_seconds, media_seconds, "
                        + "jumps_json, container, video_codec, audio_codec, width, height, frame_rate, important, status, status_reason, "
                        + "probe_json, time_problem, kind, silences_json, silence_problem, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.sha256(), r.md5(), r.sizeBytes(), r.archivePath(), r.originalPath(), r.fileName(), r.dumpId(),
                        r.deviceId(), r.officerId(), r.deviceStart(), r.deviceStartSource(), r.creationTime(),
                        r.correctedStart(), r.durationSeconds(), r.mediaSeconds(), r.jumpsJson(), r.container(), r.videoCodec(), r.audioCodec(), r.width(),
                        r.height(), r.frameRate(), r.important(), r.status(), r.statusReason(), r.probeJson(), r.timeProblem(), r.kind().name(),
                        r.silencesJson(), Bounded.text(r.silenceProblem(), 2000), now())
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sha256", r.sha256());
        payload.put("size", r.sizeBytes());
        payload.put("archivePath", r.archivePath());
        payload.put("originalPath", r.originalPath());
        payload.put("dumpId", r.dumpId());
        payload.put("kind", r.kind().name());
        payload.put("status", r.status());
        payload.put("reason", r.statusReason());
        ledger.append("DAMAGED".equals(r.status()) ? "RECORDING_DAMAGED" : "RECORDING_ARCHIVED", "recording:" + id, actor, payload);
        return id;
    }

    /** Records what became of a dump file: its final status, and the ledger entry saying so. */
    public void settleFile(long fileId, String status, String reason, String sha256, Long recordingId,
                           String quarantinePath, long executionId, String actor) {
        jdbc.sql("UPDATE dump_files SET status = ?, reason = ?, sha256 = ?, recording_id = ?, quarantine_path = ?, "
                        + "processed_by = ?, processed_at = ? WHERE id = ?")
                .params(status, Bounded.text(reason, 2000), sha256, recordingId, quarantinePath, executionId, now(), fileId)
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("status", status);
        payload.put("reason", reason);
        payload.put("sha256", sha256);
        payload.put("recordingId", recordingId);
        payload.put("quarantinePath", quarantinePath);
        String type = switch (status) {
            case "DUPLICATE" -> "DUPLICATE_LINKED";
            case "QUARANTINED" -> "FILE_QUARANTINED";
            case "FAILED" -> "FILE_FAILED";
            default -> "FILE_" + status;
        };
        ledger.append(type, "dump-file:" + fileId, actor, payload);
        long archived = !"ARCHIVED".equals(status) && !"DAMAGED".equals(status) || recordingId == null ? 0
                : jdbc.sql("SELECT size_bytes FROM recordings WHERE id = ?").param(recordingId).query(Long.class).single();
        metrics.fileSettled(status, archived);
    }

    /** Raises a finding unless one with the same id exists; returns whether it is new. */
    public boolean raise(Finding f, String actor) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM findings WHERE id = ?").param(f.id()).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("INSERT INTO findings (id, kind, dump_id, recording_id, device_id, path, start_at, end_at, seconds, "
                        + "activity_id, recordings, detail, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(f.id(), f.kind().name(), f.dumpId(), f.recordingId(), f.deviceId(), f.path(), f.start(), f.end(),
                        f.seconds(), f.activityId(), Ledger.canonicalJson(f.recordings()), Bounded.text(f.detail(), 4000), now())
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", f.kind().name());
        payload.put("dumpId", f.dumpId());
        payload.put("recordingId", f.recordingId());
        payload.put("path", f.path());
        payload.put("deviceId", f.deviceId());
        payload.put("start", f.start() == null ? null : f.start().toInstant().toString());
        payload.put("end", f.end() == null ? null : f.end().toInstant().toString());
        payload.put("seconds", f.seconds());
        payload.put("activityId", f.activityId());
        payload.put("recordings", f.recordings());
        payload.put("detail", f.detail());
        ledger.append("FINDING_RAISED", "finding:" + f.id(), actor, payload);
        metrics.findingRaised(f.kind().name());
        return true;
    }

    /** A finding a later analysis no longer produces: kept (with any explanation), marked superseded. */
    public void supersede(String findingId, String actor) {
        jdbc.sql("UPDATE findings SET superseded_at = ? WHERE id = ? AND superseded_at IS NULL").params(now(), findingId).update();
        ledger.append("FINDING_SUPERSEDED", "finding:" + findingId, actor, Map.of());
    }

    /** A superseded finding that a later analysis produces again. */
    public void reopen(String findingId, String actor) {
        jdbc.sql("UPDATE findings SET superseded_at = NULL WHERE id = ?").param(findingId).update();
        ledger.append("FINDING_REOPENED", "finding:" + findingId, actor, Map.of());
    }

    public record FindingState(String id, boolean superseded) {
    }

    /** Findings of the given kinds about a device, superseded or not. */
    public List<FindingState> findingsOf(String deviceId, java.util.Collection<String> kinds) {
        return jdbc.sql("SELECT id, superseded_at FROM findings WHERE device_id = :device AND kind IN (:kinds)")
                .param("device", deviceId).param("kinds", kinds)
                .query((rs, n) -> new FindingState(rs.getString("id"), rs.getObject("superseded_at") != null)).list();
    }

    /** Art. 11 explanation of a finding; a later explanation replaces the shown one, the ledger keeps both. */
    @org.springframework.transaction.annotation.Transactional
    public boolean explain(String findingId, String reason, String note, String by) {
        int n = jdbc.sql("UPDATE findings SET explanation_reason = ?, explanation_note = ?, explained_by = ?, explained_at = ? WHERE id = ?")
                .params(reason, note, by, now(), findingId).update();
        if (n == 0) {
            return false;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        payload.put("note", note);
        ledger.append("FINDING_EXPLAINED", "finding:" + findingId, by, payload);
        return true;
    }

    public record OpenDump(long id, String folder, String deviceId, boolean hasManifest) {
    }

    private static OpenDump openDump(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new OpenDump(rs.getLong("id"), rs.getString("folder"), rs.getString("device_id"),
                rs.getBoolean("has_manifest"));
    }

    /** Registered dumps none of whose files is still waiting or failed. */
    public List<OpenDump> dumpsReadyToFinish() {
        return jdbc.sql("SELECT d.id, d.folder, d.device_id, d.has_manifest FROM dumps d WHERE d.status = 'REGISTERED' AND NOT EXISTS "
                        + "(SELECT 1 FROM dump_files f WHERE f.dump_id = d.id AND f.status IN ('PENDING', 'FAILED')) ORDER BY d.id")
                .query(Catalog::openDump).list();
    }

    public void finishDump(long dumpId, String movedTo, String actor) {
        jdbc.sql("UPDATE dumps SET status = 'DONE', completed_at = ?, moved_to = ? WHERE id = ?")
                .params(now(), movedTo, dumpId).update();
        ledger.append("DUMP_DONE", "dump:" + dumpId, actor, Map.of("movedTo", movedTo));
    }
}
