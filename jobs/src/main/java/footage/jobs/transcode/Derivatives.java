package footage.jobs.transcode;

import footage.jobs.ledger.Ledger;
import footage.jobs.partition.PendingWork;
import footage.pipeline.media.RecordingKind;
import footage.pipeline.transcode.Profile;
import footage.pipeline.transcode.StoredDerivative;
import footage.pipeline.transcode.TranscodeResult;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code derivatives} table: one row per recording and profile, written with its ledger entry in the caller's
 * transaction. Callers own the transaction (the transcode step's chunk).
 */
@Repository
public class Derivatives {

    /** A derivative as catalogued; {@code path} is below footage.proxies, null when skipped. */
    public record Row(long id, long recordingId, String profile, String status, String reason, String method,
                      String path, String sha256, Long sizeBytes, Double mediaSeconds, boolean partial) {
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock = Clock.systemUTC();

    Derivatives(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** The derivatives of one recording, by profile name. */
    public List<Row> of(long recordingId) {
        return jdbc.sql("SELECT id, recording_id, profile, status, reason, method, path, sha256, size_bytes, media_seconds, "
                        + "partial FROM derivatives WHERE recording_id = ? ORDER BY profile")
                .param(recordingId)
                .query(new DataClassRowMapper<>(Row.class))
                .list();
    }

    /** recording id → the profiles it has a row for, for the given recordings. */
    Map<Long, Set<String>> profilesOf(Collection<Long> recordingIds) {
        if (recordingIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT recording_id, profile FROM derivatives WHERE recording_id IN (:ids)")
                .param("ids", recordingIds)
                .query((rs, n) -> Map.entry(rs.getLong("recording_id"), rs.getString("profile")))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    /**
     * The recordings that may still lack a derivative of these profiles or their decode check, with their sizes, in id
     * order: the work a cluster's manager cuts into partitions (whether a profile applies to a recording is the
     * reader's business).
     */
    List<PendingWork.Item> candidates(Collection<Profile> profiles) {
        StringBuilder sql = new StringBuilder("SELECT r.id, COALESCE(r.size_bytes, 0) AS size_bytes FROM recordings r "
                + "WHERE r.archive_path NOT LIKE 'expired/%' AND ((r.decode_checked_at IS NULL AND "
                + "(r.video_codec IS NOT NULL OR r.audio_codec IS NOT NULL))");
        Map<String, Object> params = new java.util.HashMap<>();
        // per kind of recording, the profiles made of it (applies-to): fewer of those than profiles is work
        for (RecordingKind kind : RecordingKind.values()) {
            List<String> names = profiles.stream().filter(p -> p.appliesTo(kind)).map(Profile::name).toList();
            if (!names.isEmpty()) {
                String k = kind.name().toLowerCase(java.util.Locale.ROOT);
                sql.append(" OR (r.kind = '").append(kind.name()).append("' AND (SELECT COUNT(*) FROM derivatives d ")
                        .append("WHERE d.recording_id = r.id AND d.profile IN (:").append(k).append(")) < :")
                        .append(k).append("Count)");
                params.put(k, names);
                params.put(k + "Count", names.size());
            }
        }
        sql.append(") ORDER BY r.id");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new PendingWork.Item(rs.getLong("id"), rs.getLong("size_bytes"))).list();
    }

    /** Whether the derivative is catalogued already (made or skipped, by any run): how, for the log. */
    Optional<String> catalogued(TranscodeItem item) {
        return jdbc.sql("SELECT status FROM derivatives WHERE recording_id = ? AND profile = ?")
                .params(item.recordingId(), item.profile().name()).query(String.class).optional()
                .map(status -> "transcode: " + item.label() + " (" + status + ")");
    }

    long made(TranscodeItem item, StoredDerivative d, long executionId, String actor) {
        TranscodeResult r = d.result();
        long id = insert(item, "MADE", r.damage(), r.method().name(), d.relativePath(), d.sha256(), d.size(),
                r.outputSeconds(), r.partial(), executionId);
        Map<String, Object> payload = payload(item);
        payload.put("method", r.method().name());
        payload.put("path", d.relativePath());
        payload.put("sha256", d.sha256());
        payload.put("size", d.size());
        payload.put("partial", r.partial());
        payload.put("damage", r.damage());
        ledger.append("DERIVATIVE_MADE", "derivative:" + id, actor, payload);
        return id;
    }

    long skipped(TranscodeItem item, String reason, long executionId, String actor) {
        long id = insert(item, "SKIPPED", reason, null, null, null, null, null, false, executionId);
        Map<String, Object> payload = payload(item);
        payload.put("reason", reason);
        ledger.append("DERIVATIVE_SKIPPED", "derivative:" + id, actor, payload);
        return id;
    }

    private static Map<String, Object> payload(TranscodeItem item) {
        Profile p = item.profile();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("recordingId", item.recordingId());
        payload.put("originalSha256", item.sha256());
        payload.put("profile", p.name());
        payload.put("profileSha256", p.sha256());
        return payload;
    }

    private long insert(TranscodeItem item, String status, String reason, String method, String path, String sha256,
                        Long size, Double seconds, boolean partial, long executionId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO derivatives (recording_id, profile, profile_sha256, status, reason, method, path, sha256, "
                        + "size_bytes, media_seconds, partial, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(item.recordingId(), item.profile().name(), item.profile().sha256(), status, clip(reason), method,
                        path, sha256, size, seconds, partial, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        executionId)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * A derivative moved out to expired/ with its recording (the retention sweep, in the recording's transaction): its
     * row names the copy from now on. The ledger entry is the sweep's.
     */
    public void movedOut(long derivativeId, String expiredPath) {
        jdbc.sql("UPDATE derivatives SET path = ? WHERE id = ?").params(expiredPath, derivativeId).update();
    }

    /** Counts of one job execution's rows: "MADE ENCODE" → n, "SKIPPED" → n, ... */
    Map<String, Long> countsOf(long executionId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, method, COUNT(*) AS made FROM derivatives WHERE created_by = ? GROUP BY status, method "
                        + "ORDER BY status, method")
                .param(executionId)
                .query((rs, n) -> Map.entry(rs.getString("status")
                        + (rs.getString("method") == null ? "" : " " + rs.getString("method")), rs.getLong("made")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The skipped rows of one job execution, for the summary. */
    List<String> skippedBy(long executionId) {
        return jdbc.sql("SELECT r.original_path, d.profile, d.reason FROM derivatives d JOIN recordings r ON r.id = d.recording_id "
                        + "WHERE d.created_by = ? AND d.status = 'SKIPPED' ORDER BY d.id")
                .param(executionId)
                .query((rs, n) -> rs.getString("original_path") + " [" + rs.getString("profile") + "]: "
                        + rs.getString("reason"))
                .list();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
