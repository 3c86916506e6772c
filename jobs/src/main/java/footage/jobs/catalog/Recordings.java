package footage.jobs.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;

/**
 * The writes other features make to the {@code recordings} rows the ingest creates ({@link Catalog}): a decode check's
 * result (transcode), a fixity check's (fixity), and the row lock both take first. Each runs in the caller's
 * transaction; the ledger entry that goes with it stays the caller's.
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

    /** A fixity audit's result for the recording's object. */
    public void recordFixity(long recordingId, OffsetDateTime at, boolean ok, long audit) {
        jdbc.sql("UPDATE recordings SET last_checked_at = ?, fixity_status = ?, fixity_audit = ? WHERE id = ?")
                .params(at, ok ? "OK" : "FAILED", audit, recordingId)
                .update();
    }
}
