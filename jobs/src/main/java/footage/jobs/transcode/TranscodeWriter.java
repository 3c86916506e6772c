package footage.jobs.transcode;

import footage.jobs.FootageProperties;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Catalogues each derivative with its ledger entry in the chunk's transaction: until that commits, a derivative file
 * in place is not made as far as anyone can tell (the next run replaces it). FAILED items are only counted (in the
 * partition's execution context, {@link #FAILED_KEY}); nothing is kept, so the next run tries them again.
 */
class TranscodeWriter implements ItemWriter<TranscodeOutcome> {

    static final String FAILED_KEY = "transcode.failed";

    private final Derivatives derivatives;
    private final DecodeChecks decodeChecks;
    private final FootageProperties properties;
    private final TranscodePauseHook pause;

    TranscodeWriter(Derivatives derivatives, DecodeChecks decodeChecks, FootageProperties properties,
                    TranscodePauseHook pause) {
        this.derivatives = derivatives;
        this.decodeChecks = decodeChecks;
        this.properties = properties;
        this.pause = pause;
    }

    @Override
    public void write(Chunk<? extends TranscodeOutcome> chunk) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        long executionId = step.getJobExecutionId();
        String actor = properties.ingest().actor();
        for (TranscodeOutcome o : chunk) {
            switch (o.status()) {
                case MADE -> derivatives.made(o.item(), o.derivative(), executionId, actor);
                case SKIPPED -> derivatives.skipped(o.item(), o.reason(), executionId, actor);
                case CHECKED -> { }
                case FAILED -> step.getExecutionContext().putLong(FAILED_KEY,
                        step.getExecutionContext().getLong(FAILED_KEY, 0) + 1);
            }
            if (o.decodeCheck() != null) {
                // once per recording: whichever derivative or check of it comes first
                decodeChecks.record(o.item().recordingId(), o.decodeCheck(), executionId, actor);
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pause.at("after-commit", pause.current());
            }
        });
    }
}
