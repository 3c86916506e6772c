package footage.jobs.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Catalog rows written straight into the tables, the way ingest and continuity analysis leave them. */
final class CatalogRows {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private final JdbcClient jdbc;

    CatalogRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime cst(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atOffset(CST);
    }

    long dump(String device, String officerId, String officerName, OffsetDateTime dockedAt, Double offsetSeconds) {
        KeyHolder key = new GeneratedKeyHolder();
        String folder = "ST01_" + device + "_" + UUID.randomUUID();
        jdbc.sql("INSERT INTO dumps (folder, fingerprint, station, device_id, officer_id, officer_name, docked_at, "
                        + "device_clock_at_dock, clock_offset_seconds, has_manifest, status, registered_at) "
                        + "VALUES (?, ?, 'ST01', ?, ?, ?, ?, ?, ?, TRUE, 'DONE', ?)")
                .params(folder, UUID.randomUUID().toString().replace("-", ""), device, officerId, officerName, dockedAt,
                        dockedAt == null || offsetSeconds == null ? null : dockedAt.plusSeconds(offsetSeconds.longValue()),
                        offsetSeconds, dockedAt == null ? OffsetDateTime.now(ZoneOffset.UTC) : dockedAt)
                .update(key, "id");
        return key.getKey().longValue();
    }

    long recording(long dumpId, String device, String file, OffsetDateTime correctedStart, Double durationSeconds,
                   Double mediaSeconds, String status) {
        KeyHolder key = new GeneratedKeyHolder();
        String sha = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        jdbc.sql("INSERT INTO recordings (sha256, size_bytes, archive_path, original_path, file_name, dump_id, device_id, "
                        + "officer_id, corrected_start, duration_seconds, media_seconds, important, status, ingested_at) "
                        + "VALUES (?, 1000, ?, ?, ?, ?, ?, '100234', ?, ?, ?, FALSE, ?, ?)")
                .params(sha, "sha256/" + sha, file, file, dumpId, device,
                        correctedStart == null ? null : correctedStart.withOffsetSameInstant(ZoneOffset.UTC),
                        durationSeconds, mediaSeconds, status, OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }

    String sha256(long recordingId) {
        return jdbc.sql("SELECT sha256 FROM recordings WHERE id = ?").param(recordingId).query(String.class).single();
    }

    void finding(String id, String kind, String device, Long dumpId, OffsetDateTime start, OffsetDateTime end,
                 Double seconds, String recordingsJson, String activityId, String detail) {
        jdbc.sql("INSERT INTO findings (id, kind, dump_id, device_id, start_at, end_at, seconds, activity_id, recordings, "
                        + "detail, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, kind, dumpId, device, start == null ? null : start.withOffsetSameInstant(ZoneOffset.UTC),
                        end == null ? null : end.withOffsetSameInstant(ZoneOffset.UTC), seconds, activityId,
                        recordingsJson, detail, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    void explain(String id, String reason, String note, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE findings SET explanation_reason = ?, explanation_note = ?, explained_by = ?, explained_at = ? WHERE id = ?")
                .params(reason, note, by, at.withOffsetSameInstant(ZoneOffset.UTC), id).update();
    }

    void supersede(String id) {
        jdbc.sql("UPDATE findings SET superseded_at = ? WHERE id = ?").params(OffsetDateTime.now(ZoneOffset.UTC), id).update();
    }

    /**
     * One device, docked twice (offsets 10 s, then 95 s), carried by 张三: recordings A 09:30–09:40, B 09:42–09:47
     * (damaged: stated 600 s, media ends after 300 s), C 10:00–10:02; an unexplained GAP A→B, a GAP B→C explained
     * with a hostile note, a CLOCK_DRIFT at the newest dock, and two findings the report must leave out (a
     * superseded GAP and a manifest mismatch).
     */
    Scenario scenario() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String device = "DSJ" + tag;
        long oldDock = dump(device, "100234", "张三", cst("2019-02-17T12:00:00"), 10.0);
        long newDock = dump(device, "100234", "张三", cst("2019-02-17T18:05:12"), 95.0);
        String a = device + "_100234_20190217_093135_0001.mp4";
        String b = device + "_100234_20190217_094335_0002_IMP.mp4";
        String c = device + "_100234_20190217_100135_0003.mp4";
        long ra = recording(oldDock, device, a, cst("2019-02-17T09:30:00"), 600.0, 600.0, "ARCHIVED");
        long rb = recording(newDock, device, b, cst("2019-02-17T09:42:00"), 600.0, 300.0, "DAMAGED");
        long rc = recording(newDock, device, c, cst("2019-02-17T10:00:00"), 120.0, null, "ARCHIVED");
        String gap = "F" + tag + "gap1";
        String explainedGap = "F" + tag + "gap2";
        String drift = "F" + tag + "drift";
        finding(gap, "GAP", device, null, cst("2019-02-17T09:40:00"), cst("2019-02-17T09:42:00"), 120.0,
                "[\"" + a + "\",\"" + b + "\"]", null, "120 s between " + a + " and " + b);
        finding(explainedGap, "GAP", device, null, cst("2019-02-17T09:47:00"), cst("2019-02-17T10:00:00"), 780.0,
                "[\"" + b + "\",\"" + c + "\"]", "ACT-" + tag, "780 s between " + b + " and " + c);
        explain(explainedGap, "WEATHER", "=cmd() <script>alert('x')</script> 暴雨", "李四", cst("2019-02-18T08:00:00"));
        finding(drift, "CLOCK_DRIFT", device, newDock, cst("2019-02-17T18:05:12"), cst("2019-02-17T18:05:12"), 95.0,
                null, null, "device clock 95 s fast at dock");
        String superseded = "F" + tag + "old";
        finding(superseded, "GAP", device, null, cst("2019-02-17T09:40:00"), cst("2019-02-17T09:41:00"), 60.0, "[]", null, "old");
        supersede(superseded);
        finding("F" + tag + "size", "SIZE_MISMATCH", device, newDock, null, null, null, null, null, "listed 10, found 9");
        return new Scenario(device, ra, rb, rc, a, b, c, gap, explainedGap, drift, superseded);
    }

    record Scenario(String device, long recordingA, long recordingB, long recordingC, String fileA, String fileB,
                    String fileC, String gap, String explainedGap, String drift, String superseded) {
    }
}
