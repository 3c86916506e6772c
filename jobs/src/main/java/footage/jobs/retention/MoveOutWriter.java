package footage.jobs.retention;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import footage.jobs.catalog.Recordings;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records a move in the chunk's transaction: the recording's archive path names its copy in expired/, with its
 * RECORDING_MOVED_OUT ledger entry (and each derivative's path with its DERIVATIVE_MOVED_OUT). Only after that commits
 * are the originals removed from the archive and footage.proxies, so at every
 * moment the object is in one place, or (until the removal) a verified copy is in expired/ beside the original,
 * which the next sweep resolves. The recording is checked once more with its row locked: a hold or class change
 * committed since it was read wins, and its copy is removed again.
 */
class MoveOutWriter implements ItemWriter<MovedCopy>, StepExecutionListener {

    static final String RELEASED_KEY = "sweep.released";
    private static final Logger log = LoggerFactory.getLogger(MoveOutWriter.class);

    private final Recordings recordings;
    private final Ledger ledger;
    private final RetentionRows rows;
    private final SweepRules rules;
    private final RetentionPolicy policy;
    private final ExpiredStore store;
    private final DerivativeMoves derivatives;
    private final SweepPauseHook pause;
    private final FootageProperties properties;
    private final DomainMetrics metrics;
    private StepExecution step;
    private LocalDate today;
    private long sweep;

    MoveOutWriter(Recordings recordings, Ledger ledger, RetentionRows rows, SweepRules rules,
                  RetentionPolicy policy, ExpiredStore store, DerivativeMoves derivatives, SweepPauseHook pause,
                  FootageProperties properties, DomainMetrics metrics) {
        this.recordings = recordings;
        this.ledger = ledger;
        this.rows = rows;
        this.rules = rules;
        this.policy = policy;
        this.store = store;
        this.derivatives = derivatives;
        this.pause = pause;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        today = policy.today(SweepRun.asOf(stepExecution.getJobExecution()));
        sweep = SweepRun.id(stepExecution.getJobExecution());
    }

    @Override
    public void write(Chunk<? extends MovedCopy> chunk) {
        for (MovedCopy c : chunk) {
            String relative = ObjectLocations.relative(c.expiredPath());
            Optional<RetentionRow> now = rows.lock(c.row().id());
            Optional<String> kept = now.isEmpty() ? Optional.of("gone from the catalog") : rules.keeps(now.get(), today);
            if (kept.isPresent()) {
                release(c, relative, kept.get(), now.map(RetentionRow::movedOut).orElse(false));
                continue;
            }
            record(now.get(), c.expiredPath());
            c.derivatives().forEach(d -> derivatives.record(d, sweep, properties.ingest().actor()));
            afterCommit(() -> {
                pause.at("after-commit");
                try {
                    store.removeOriginal(relative);
                    for (DerivativeMoves.Derivative d : c.derivatives()) {
                        derivatives.removeOriginal(d.path());
                    }
                    log.info("sweep: recording {} moved out to {} ({} derivative(s) with it)", c.row().id(),
                            c.expiredPath(), c.derivatives().size());
                } catch (IOException e) {
                    // the catalog names the copy; the next sweep removes the original
                    log.warn("sweep: recording {} is catalogued in expired/ but its original could not be removed "
                            + "from the archive yet ({}); the next sweep removes it", c.row().id(), e.toString());
                }
                pause.at("after-remove");
            });
        }
    }

    private void record(RetentionRow r, String expiredPath) {
        recordings.movedOut(r.id(), expiredPath, OffsetDateTime.now(ZoneOffset.UTC), sweep);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("archivePath", expiredPath);
        payload.put("from", r.archivePath());
        payload.put("status", r.status());
        payload.put("sha256", r.sha256());
        payload.put("size", r.size());
        payload.put("retentionClass", r.retentionClass());
        payload.put("retainUntil", policy.effectiveUntil(r).toString());
        payload.put("sweep", sweep);
        payload.put("expiredFolder", properties.expired().toString());
        ledger.append("RECORDING_MOVED_OUT", "recording:" + r.id(), properties.ingest().actor(), payload);
        // counted once the chunk commits: a rolled-back move is not a move
        metrics.sweepMoved(r.size());
    }

    /** No longer to be moved: the copy is not catalogued, so it goes again once this transaction is over. */
    private void release(MovedCopy c, String relative, String why, boolean catalogNamesCopy) {
        log.info("sweep: recording {} stays: {}", c.row().id(), why);
        step.getExecutionContext().putLong(RELEASED_KEY, step.getExecutionContext().getLong(RELEASED_KEY, 0) + 1);
        if (catalogNamesCopy) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    store.removeCopy(relative);
                    for (DerivativeMoves.Derivative d : c.derivatives()) {
                        derivatives.removeCopy(d.path());
                    }
                } catch (IOException e) {
                    log.warn("sweep: could not remove the unused copy expired/{} ({}); the next sweep does", relative, e.toString());
                }
            }
        });
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
