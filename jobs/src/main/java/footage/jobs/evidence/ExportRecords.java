package footage.jobs.evidence;

import footage.jobs.export.BagExports;
import footage.jobs.ledger.Ledger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The BagIt exports of external requests (table request_exports) and their ledger entries, all with subject
 * {@code access-request:<id>}: EXPORT_STARTED when the job starts, EXPORT_FINISHED when the bag is sealed (in the
 * step's transaction, with the Exporter's EXPORTED), EXPORT_FAILED when the job ends otherwise, EXPORT_DOWNLOADED for
 * each download, EXPORT_REFUSED for each refused start or download.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExportRecords {

    /**
     * One export. {@code status} is STARTED, FINISHED or FAILED as the export wrote it; {@code batchStatus} is its job
     * execution's, which tells a running export from one whose process died.
     */
    record Export(long id, long requestId, long execution, String startedBy, OffsetDateTime startedAt, String status,
                  String batchStatus, String bagPath, Integer files, Long sizeBytes, String tagManifestSha256,
                  OffsetDateTime finishedAt, String failure) {

        public boolean finished() {
            return "FINISHED".equals(status);
        }

        public boolean running() {
            return "STARTED".equals(status) && batchStatus != null
                    && List.of("STARTING", "STARTED", "STOPPING").contains(batchStatus);
        }

        /** FINISHED, RUNNING or FAILED (failed, stopped, or left by a process that died). */
        public String shown() {
            return finished() ? "FINISHED" : running() ? "RUNNING" : "FAILED";
        }

        /** The bag folder's name: the zip's top entry. */
        public String bagName() {
            return bagPath == null ? null : java.nio.file.Path.of(bagPath).getFileName().toString();
        }
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    ExportRecords(JdbcClient jdbc, Ledger ledger, PlatformTransactionManager transactionManager, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The job started: a row and EXPORT_STARTED, committed at once so the page lists the running export. */
    long started(long requestId, long execution, String by) {
        return tx.execute(s -> {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO request_exports (request_id, job_execution_id, started_by, started_at, status) "
                    + "VALUES (?, ?, ?, ?, 'STARTED')").params(requestId, execution, by, now()).update(keys, "id");
            long id = keys.getKey().longValue();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("export", id);
            payload.put("execution", execution);
            ledger.append("EXPORT_STARTED", AccessRequests.subject(requestId), by, payload);
            return id;
        });
    }

    /** The bag is sealed; runs in the caller's (the step's) transaction. */
    void finished(Export export, BagExports.Bag bag) {
        jdbc.sql("UPDATE request_exports SET status = 'FINISHED', bag_path = ?, files = ?, size_bytes = ?, "
                        + "tagmanifest_sha256 = ?, finished_at = ? WHERE id = ?")
                .params(bag.folder().toString(), bag.files(), bag.sizeBytes(), bag.tagManifestSha256(), now(), export.id())
                .update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("export", export.id());
        payload.put("execution", export.execution());
        payload.put("bag", bag.folder().toString());
        payload.put("files", bag.files());
        payload.put("payloadBytes", bag.payloadBytes());
        payload.put("sizeBytes", bag.sizeBytes());
        payload.put("tagmanifestSha256", bag.tagManifestSha256());
        ledger.append("EXPORT_FINISHED", AccessRequests.subject(export.requestId()), export.startedBy(), payload);
    }

    /** The job ended without a bag: the row says why, and so does EXPORT_FAILED. */
    void failed(long execution, String why) {
        tx.executeWithoutResult(s -> byExecution(execution).filter(e -> !e.finished()).ifPresent(e -> {
            jdbc.sql("UPDATE request_exports SET status = 'FAILED', failure = ?, finished_at = ? WHERE id = ?")
                    .params(why, now(), e.id()).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("export", e.id());
            payload.put("execution", execution);
            payload.put("why", why);
            ledger.append("EXPORT_FAILED", AccessRequests.subject(e.requestId()), e.startedBy(), payload);
        }));
    }

    void downloaded(Export export, String user) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("export", export.id());
        payload.put("bag", export.bagPath());
        payload.put("tagmanifestSha256", export.tagManifestSha256());
        tx.executeWithoutResult(s -> ledger.append("EXPORT_DOWNLOADED", AccessRequests.subject(export.requestId()), user,
                payload));
    }

    /** A refused start ({@code export} null) or download, with the message key that says why. */
    void refused(long requestId, Long export, String user, String what, String why) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("what", what);
        payload.put("export", export == null ? "" : String.valueOf(export));
        payload.put("why", why);
        tx.executeWithoutResult(s -> ledger.append("EXPORT_REFUSED", AccessRequests.subject(requestId), user, payload));
    }

    List<Export> of(long requestId) {
        return jdbc.sql(SELECT + " WHERE x.request_id = ? ORDER BY x.id DESC").param(requestId).query(ExportRecords::row).list();
    }

    Optional<Export> find(long id) {
        return jdbc.sql(SELECT + " WHERE x.id = ?").param(id).query(ExportRecords::row).optional();
    }

    Optional<Export> byExecution(long execution) {
        return jdbc.sql(SELECT + " WHERE x.job_execution_id = ?").param(execution).query(ExportRecords::row).optional();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static final String SELECT = "SELECT x.id, x.request_id, x.job_execution_id, x.started_by, x.started_at, "
            + "x.status, e.STATUS AS batch_status, x.bag_path, x.files, x.size_bytes, x.tagmanifest_sha256, x.finished_at, x.failure "
            + "FROM request_exports x LEFT JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = x.job_execution_id";

    private static Export row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Export(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("job_execution_id"), rs.getString("started_by"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getString("status"), rs.getString("batch_status"),
                rs.getString("bag_path"), rs.getObject("files", Integer.class), rs.getObject("size_bytes", Long.class),
                rs.getString("tagmanifest_sha256"), rs.getObject("finished_at", OffsetDateTime.class), rs.getString("failure"));
    }
}
