package footage.jobs.integrity;

import footage.jobs.FootageProperties;
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

/**
 * Records each check in the chunk's transaction: the recording's {@code last_checked_at} and result, and its
 * FIXITY_CHECKED or FIXITY_FAILED ledger entry. Neither exists without the other.
 */
class FixityWriter implements ItemWriter<FixityResult>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FixityWriter.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final FootageProperties properties;
    private final DomainMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private long audit;

    FixityWriter(JdbcClient jdbc, Ledger ledger, FootageProperties properties, DomainMetrics metrics) {
        this.jdbc = jdbc;
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
        for (FixityResult r : chunk) {
            ArchivedObject o = r.object();
            jdbc.sql("UPDATE recordings SET last_checked_at = ?, fixity_status = ?, fixity_audit = ? WHERE id = ?")
                    .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), r.ok() ? "OK" : "FAILED",
                            audit, o.recordingId())
                    .update();
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
}
