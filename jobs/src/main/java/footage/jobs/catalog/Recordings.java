package footage.jobs.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;

/**
 * The writes other features make to the {@code recordings} rows the ingest creates ({@link Catalog}): a decode check's
 * result (transcode), a fixity check's (fixity), the row lock both take first, and retention's columns (class, hold,
 * the move out to expired/, the disposition report). Each runs in the caller's transaction; the ledger entry that goes
 * with it stays the caller's.
 */
@Repository
public class Recordings {

    /**
     * A decode check's columns.
     *
     * @param errors          decode errors, null when nothing could be decoded
     * @param factsJson       the check's facts as JSON (the ledger entry's payload)
     * @param damageFrom      where decode errors begin, in seconds; null unless the check made the recording DAMAGED
     * @param status          ARCHIVED or DAMAGED, as the check leaves the recording
     * @param statusReason    why DAMAGED; null when ARCHIVED
     */
    public record DecodeCheck(OffsetDateTime at, long executionId, Long errors, String factsJson, Double damageFrom,
                              Double damageTo, String status, String statusReason) {
    }

    private final JdbcClient jdbc;

    Recordings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the recording's row lock until the transaction ends. A no-op update takes the row's ordinary write lock,
     * which keeps a retention sweep's move of the recording out but, unlike {@code FOR UPDATE}, not an ingest linking
     * a duplicate to it (its foreign key check), which holds the ledger's lock meanwhile.
     */
    public static void lock(JdbcClient jdbc, long recordingId) {
        jdbc.sql("UPDATE recordings SET last_checked_at = last_checked_at WHERE id = ?").param(recordingId).update();
    }

    public void recordDecodeCheck(long recordingId, DecodeCheck check) {
        jdbc.sql("UPDATE recordings SET decode_checked_at = ?, decode_checked_by = ?, decode_errors = ?, "
                        + "decode_errors_json = ?, damage_from_seconds = ?, damage_to_seconds = ?, "
                        + "status = ?, status_reason = ? WHERE id = ?")
                .params(check.at(), check.executionId(), check.errors(), check.factsJson(), check.damageFrom(),
                        check.damageTo(), check.status(), check.statusReason(), recordingId)
                .update();
    }

    /** Has every checked recording decode-checked again by the next transcode run; how many were checked. */
    public int forgetDecodeChecks() {
        return jdbc.sql("UPDATE recordings SET decode_checked_at = NULL, decode_checked_by = NULL "
                + "WHERE decode_checked_at IS NOT NULL").update();
    }

    /** The retention class, its Art. 15 category (null unless permanent) and the date kept until (null if permanent). */
    public void setRetention(long recordingId, String retentionClass, String category, LocalDate retainUntil) {
        jdbc.sql("UPDATE recordings SET retention_class = ?, retention_category = ?, retain_until = ? WHERE id = ?")
                .params(retentionClass, category, retainUntil, recordingId)
                .update();
    }

    /** Whether an active hold covers these recordings. */
    public void setOnHold(Collection<Long> recordingIds, boolean onHold) {
        if (!recordingIds.isEmpty()) {
            jdbc.sql("UPDATE recordings SET on_hold = :held WHERE id IN (:ids)")
                    .param("held", onHold).param("ids", recordingIds).update();
        }
    }

    /** The object now lies under expired/ ({@link ObjectLocations}), moved there by the sweep {@code sweep}. */
    public void movedOut(long recordingId, String expiredPath, OffsetDateTime at, long sweep) {
        jdbc.sql("UPDATE recordings SET archive_path = ?, expired_at = ?, expired_by = ? WHERE id = ?")
                .params(expiredPath, at, sweep, recordingId).update();
    }

    /** The disposition report (its path below footage.reports) that lists these moved-out recordings. */
    public void dispositionReported(Collection<Long> recordingIds, String report) {
        if (!recordingIds.isEmpty()) {
            jdbc.sql("UPDATE recordings SET disposition_report = :report WHERE id IN (:ids)")
                    .param("report", report).param("ids", recordingIds).update();
        }
    }

    /** A fixity audit's result for the recording's object. */
    public void recordFixity(long recordingId, OffsetDateTime at, boolean ok, long audit) {
        jdbc.sql("UPDATE recordings SET last_checked_at = ?, fixity_status = ?, fixity_audit = ? WHERE id = ?")
                .params(at, ok ? "OK" : "FAILED", audit, recordingId)
                .update();
    }
}
