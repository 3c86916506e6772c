package footage.jobs.fixity;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Recordings;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records each check in the chunk's transaction: the recording's {@code last_checked_at} and result, and its
 * FIXITY_CHECKED or FIXITY_FAILED ledger entry. Neither exists without the other. A failed check is only declared
 * with the recording's row locked and its archive path read again: the retention sweep may have moved the object to
 * expired/ (and removed it from the archive) between the audit reading the row and hashing the file, and then the
 * object is checked again where the catalog now says it is. The lock keeps the sweep from moving it meanwhile.
 */
class FixityWriter implements ItemWriter<FixityResult>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FixityWriter.class);

    private final JdbcClient jdbc;
    private final Recordings recordings;
    private final Ledger ledger;
    private final FootageProperties properties;
    private final DomainMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private long audit;

    FixityWriter(JdbcClient jdbc, Recordings recordings, Ledger ledger, FootageProperties properties, DomainMetrics metrics) {
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.ledger = ledger;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        audit = stepExecution.getJobExecution().getJobInstanceId();
    }

    @Override
    public void write(Chunk<? extends FixityResult> chunk) {
        for (FixityResult checked : chunk) {
            Recordings.lock(jdbc, checked.object().recordingId());
            Optional<String> now = jdbc.sql("SELECT archive_path FROM recordings WHERE id = ?")
                    .param(checked.object().recordingId()).query(String.class).optional();
            if (now.isEmpty()) {
                log.warn("fixity: {} left the catalog while it was checked: nothing recorded", checked.object().label());
                continue;
            }
            FixityResult r = checked.ok() || now.get().equals(checked.object().archivePath()) ? checked
                    : checkedAgainAt(checked.object(), now.get());
            ArchivedObject o = r.object();
            recordings.recordFixity(o.recordingId(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                    r.ok(), audit);
            metrics.fixityChecked(r.ok());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("audit", audit);
            payload.put("archivePath", o.archivePath());
            if (r.ok()) {
                payload.put("sha256", o.sha256());
                payload.put("size", o.size());
                ledger.append("FIXITY_CHECKED", "recording:" + o.recordingId(), properties.ingest().actor(), payload);
                log.info("fixity: {} OK", o.originalPath());
            } else {
                payload.put("expectedSha256", o.sha256());
                payload.put("actualSha256", r.actualSha256());
                payload.put("expectedSize", o.size());
                payload.put("actualSize", r.actualSize());
                payload.put("reason", r.reason());
                ledger.append("FIXITY_FAILED", "recording:" + o.recordingId(), properties.ingest().actor(), payload);
                log.warn("fixity: {} FAILED: {}", o.label(), r.reason());
            }
        }
    }

    private FixityResult checkedAgainAt(ArchivedObject o, String archivePath) {
        log.info("fixity: {} moved from {} to {} while it was checked (a retention sweep); checked again there",
                o.label(), o.archivePath(), archivePath);
        return FixityProcessor.check(properties, new ArchivedObject(o.recordingId(), o.sha256(), o.size(), archivePath,
                o.originalPath()));
    }

    /** Whether this audit recorded the object already (another process ran its partition too): how, for the log. */
    Optional<String> recorded(ArchivedObject o, StepExecution partition) {
        long thisAudit = partition.getJobExecution().getJobInstanceId();
        return jdbc.sql("SELECT fixity_status FROM recordings WHERE id = ? AND fixity_audit = ?")
                .params(o.recordingId(), thisAudit).query(String.class).optional()
                .map(status -> "fixity: " + o.label() + " (" + status + " in audit " + thisAudit + ")");
    }
}
