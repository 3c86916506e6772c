package footage.jobs.transcode;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import footage.jobs.catalog.Recordings;
import footage.jobs.continuity.ContinuityMarks;
import footage.jobs.ledger.Ledger;
import footage.pipeline.transcode.DecodeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The decode check's results on the {@code recordings} rows (docs/formats.md §5: partly undecodable media is DAMAGED), each with
 * its {@code DECODE_CHECKED} ledger entry, in the caller's transaction (the transcode step's chunk). A recording is
 * checked once: a second result for it is not recorded. One with decode errors that was ARCHIVED becomes DAMAGED with
 * "N decode errors between t1 and t2" and the span kept, and its device is marked for continuity analysis in the same
 * transaction, which raises the DAMAGED finding there. One DAMAGED already (truncated at ingest) keeps its status and
 * reason; the check's result is kept beside them. {@link #resetAll} has every recording checked again (after an FFmpeg
 * upgrade): a recording the earlier check made DAMAGED then takes the new check's result, back to ARCHIVED when clean.
 */
@Repository
public class DecodeChecks {

    private static final Logger log = LoggerFactory.getLogger(DecodeChecks.class);
    private final JsonMapper json;

    private final JdbcClient jdbc;
    private final Recordings recordings;
    private final Ledger ledger;
    private final ContinuityMarks marks;
    private final Clock clock = Clock.systemUTC();

    DecodeChecks(JdbcClient jdbc, Recordings recordings, Ledger ledger, ContinuityMarks marks, JsonMapper json) {
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.ledger = ledger;
        this.marks = marks;
        this.json = json;
    }

    /** What the check of one recording found: a report, or why nothing could be decoded. */
    record Result(DecodeReport report, String undecodable, String by) {

        Result {
            if ((report == null) == (undecodable == null)) {
                throw new IllegalArgumentException("a decode check result is a report or a reason, not both or neither");
            }
        }

        /** The status reason when it makes the recording DAMAGED; null when clean. */
        String damage() {
            return report != null ? report.summary() : "not decodable: " + undecodable;
        }
    }

    /** Whether the recording has been checked already (by any run): how, for the log. */
    Optional<String> checked(TranscodeItem item) {
        return jdbc.sql("SELECT decode_errors FROM recordings WHERE id = ? AND decode_checked_at IS NOT NULL")
                .param(item.recordingId()).query((rs, n) -> rs.getObject("decode_errors")).optional()
                .map(errors -> "decode check: " + item.originalPath() + " (checked, " + (errors == null ? "not decodable"
                        : errors + " error(s)") + ")");
    }

    /**
     * Records the check of a recording unless one is recorded already.
     *
     * @return whether it was recorded
     */
    boolean record(long recordingId, Result result, long executionId, String actor) {
        record Row(String status, String reason, String deviceId, long dumpId, String originalPath, boolean checked,
                   boolean damagedByCheck) {
        }
        Row row = jdbc.sql("SELECT status, status_reason, device_id, dump_id, original_path, decode_checked_at, "
                        + "damage_from_seconds FROM recordings WHERE id = ?")
                .param(recordingId)
                .query((rs, n) -> new Row(rs.getString("status"), rs.getString("status_reason"), rs.getString("device_id"),
                        rs.getLong("dump_id"), rs.getString("original_path"), rs.getObject("decode_checked_at") != null,
                        rs.getObject("damage_from_seconds") != null))
                .optional().orElse(null);
        if (row == null || row.checked()) {
            return false;
        }
        DecodeReport report = result.report();
        String damage = result.damage();
        // the check owns the status of a recording it found damaged before (a re-check); never a truncation's
        boolean owns = "ARCHIVED".equals(row.status()) || row.damagedByCheck();
        String status = !owns ? row.status() : damage != null ? "DAMAGED" : "ARCHIVED";
        String reason = !owns ? row.reason() : damage;
        boolean spanned = owns && report != null && !report.clean();
        boolean changed = !status.equals(row.status()) || !java.util.Objects.equals(reason, row.reason());
        Map<String, Object> facts = facts(result);
        recordings.recordDecodeCheck(recordingId, new Recordings.DecodeCheck(
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), executionId,
                report == null ? null : report.errors(), json(facts), spanned ? report.firstSeconds() : null,
                spanned ? report.lastSeconds() : null, status, reason));
        Map<String, Object> payload = new LinkedHashMap<>(facts);
        payload.put("by", result.by());
        payload.put("status", status);
        payload.put("statusChanged", changed);
        ledger.append("DECODE_CHECKED", "recording:" + recordingId, actor, payload);
        if (changed) {
            // the analysis reads the time of the recording's dump, not the device's whole history (issue 21)
            marks.mark(row.deviceId(), row.dumpId(), "decode check: " + row.originalPath() + ": " + (damage == null ? "clean" : damage));
            log.warn("decode check: {} {}: {}", row.originalPath(), status, damage == null ? "no decode errors" : damage);
        } else {
            log.info("decode check: {} {}", row.originalPath(), damage == null ? "no decode errors"
                    : damage + " (stays " + row.status() + ")");
        }
        return true;
    }

    /**
     * Has every recording decode-checked again by the next transcode run ({@code footage transcode --recheck-decode}),
     * with one {@code DECODE_CHECK_RESET} ledger entry.
     *
     * @return how many recordings were checked before
     */
    @Transactional
    public int resetAll(String by, String actor) {
        int reset = recordings.forgetDecodeChecks();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("recordings", reset);
        payload.put("by", by);
        ledger.append("DECODE_CHECK_RESET", "archive", actor, payload);
        return reset;
    }

    /** Counts of one job execution's checks: checked, with errors. */
    long[] countsOf(long executionId) {
        return jdbc.sql("SELECT COUNT(*) AS checked, COUNT(CASE WHEN decode_errors IS NULL OR decode_errors > 0 THEN 1 END) "
                        + "AS with_errors FROM recordings WHERE decode_checked_by = ?")
                .param(executionId).query((rs, n) -> new long[] {rs.getLong("checked"), rs.getLong("with_errors")}).single();
    }

    private static Map<String, Object> facts(Result result) {
        Map<String, Object> facts = new LinkedHashMap<>();
        DecodeReport r = result.report();
        if (r == null) {
            facts.put("count", null);
            facts.put("undecodable", result.undecodable());
            return facts;
        }
        facts.put("count", r.errors());
        facts.put("from", r.clean() ? null : r.firstSeconds());
        facts.put("to", r.clean() ? null : r.lastSeconds());
        facts.put("positions", r.positions());
        facts.put("firstError", r.firstError());
        facts.put("videoFrames", r.videoFrames());
        facts.put("audioFrames", r.audioFrames());
        return facts;
    }

    private String json(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JacksonException e) {
            throw new IllegalStateException("decode check facts are not JSON: " + facts, e);
        }
    }
}
