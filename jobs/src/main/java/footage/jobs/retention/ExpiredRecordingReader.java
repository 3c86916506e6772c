package footage.jobs.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemReader;

import java.time.LocalDate;

/**
 * The recordings to move out, one at a time in id order. The catalog is the restart state: a moved recording's
 * archive path names expired/, so a restarted or new sweep reads exactly those not moved yet.
 */
class ExpiredRecordingReader implements ItemReader<RetentionRow>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRecordingReader.class);

    private final SweepRules rules;
    private final RetentionPolicy policy;
    private LocalDate today;
    private long lastId;
    private long read;

    ExpiredRecordingReader(SweepRules rules, RetentionPolicy policy) {
        this.rules = rules;
        this.policy = policy;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        today = policy.today(SweepRun.asOf(stepExecution.getJobExecution()));
        lastId = 0;
        read = 0;
        log.info("sweep: moving out STANDARD recordings retained until before {} and not on hold", today);
    }

    @Override
    public RetentionRow read() {
        RetentionRow next = rules.next(lastId, today).orElse(null);
        if (next != null) {
            lastId = next.id();
            read++;
            log.info("sweep: [{}] recording {} {} (retained until {})", read, next.id(), next.originalPath(),
                    policy.effectiveUntil(next));
        }
        return next;
    }
}
