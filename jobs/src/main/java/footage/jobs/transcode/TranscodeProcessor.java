package footage.jobs.transcode;

import footage.jobs.FootageProperties;
import footage.pipeline.transcode.DecodeCheck;
import footage.pipeline.transcode.DerivativeStore;
import footage.pipeline.transcode.SourceUnusableException;
import footage.pipeline.transcode.StoredDerivative;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Makes one derivative with the durable protocol ({@link DerivativeStore}); never writes to the original. A source
 * that cannot give it is SKIPPED with FFmpeg's reason, a passing failure (I/O, full disk) is FAILED and tried again
 * next run. {@code footage jobs stop} interrupts a long transcode between packets (the step ends STOPPED).
 */
class TranscodeProcessor implements ItemProcessor<TranscodeItem, TranscodeOutcome> {

    private static final Logger log = LoggerFactory.getLogger(TranscodeProcessor.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final long STOP_CHECK_NANOS = 2_000_000_000L;

    private final FootageProperties properties;
    private final DerivativeStore store;
    private final JdbcClient jdbc;
    private final TranscodePauseHook pause;
    private final DecodeCheck decodeCheck = new DecodeCheck();

    TranscodeProcessor(FootageProperties properties, DerivativeStore store, JdbcClient jdbc, TranscodePauseHook pause) {
        this.properties = properties;
        this.store = store;
        this.jdbc = jdbc;
        this.pause = pause;
    }

    @Override
    public TranscodeOutcome process(TranscodeItem item) throws JobInterruptedException {
        int number = pause.nextItem();
        Path original = properties.archive().resolve(item.archivePath());
        if (!Files.isRegularFile(original)) {
            return TranscodeOutcome.failed(item, "the original is not in the archive at " + original);
        }
        long start = System.nanoTime();
        if (item.decodeCheckOnly()) {
            return check(item, original, number, start);
        }
        try {
            StoredDerivative made = store.make(original, item.sha256(), item.profile(), new Following(item, number, jobExecutionId()));
            log.info("transcode: {} {} in {} s -> {}{}", item.label(), made.result().method(),
                    seconds(System.nanoTime() - start), made.relativePath(),
                    made.result().partial() ? " (PARTIAL: " + made.result().damage() + ")" : "");
            return TranscodeOutcome.made(item, made);
        } catch (SourceUnusableException e) {
            String reason = ("DAMAGED".equals(item.status()) ? "damaged original: " : "") + e.getMessage();
            log.warn("transcode: {} SKIPPED: {}", item.label(), reason);
            return TranscodeOutcome.skipped(item, reason);
        } catch (CancellationException e) {
            throw new JobInterruptedException("transcode of " + item.label() + " stopped: the job is stopping");
        } catch (IOException | RuntimeException e) {
            log.error("transcode: {} FAILED (tried again next run): {}", item.label(), e.toString());
            return TranscodeOutcome.failed(item, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Decodes the whole recording, nothing written: for recordings no derivative of this run decodes whole. */
    private TranscodeOutcome check(TranscodeItem item, Path original, int number, long start)
            throws JobInterruptedException {
        try {
            var report = decodeCheck.check(original, new Following(item, number, jobExecutionId()));
            log.info("decode check: {} in {} s: {}", item.originalPath(), seconds(System.nanoTime() - start),
                    report.clean() ? "no decode errors" : report.summary());
            return TranscodeOutcome.checked(item, new DecodeChecks.Result(report, null, "decode check"));
        } catch (SourceUnusableException e) {
            return TranscodeOutcome.checked(item, new DecodeChecks.Result(null, e.getMessage(), "decode check"));
        } catch (CancellationException e) {
            throw new JobInterruptedException("decode check of " + item.label() + " stopped: the job is stopping");
        } catch (RuntimeException e) {
            log.error("decode check: {} FAILED (tried again next run): {}", item.label(), e.toString());
            return TranscodeOutcome.failed(item, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static Long jobExecutionId() {
        var context = StepSynchronizationManager.getContext();
        return context == null ? null : context.getStepExecution().getJobExecutionId();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    /** Progress in the log for long transcodes, the crash-test pause points, and the job's stop request. */
    private final class Following implements DerivativeStore.Listener {

        private final TranscodeItem item;
        private final int number;
        private final Long executionId;
        private long lastLog = System.nanoTime();
        private long lastStopCheck = System.nanoTime();

        Following(TranscodeItem item, int number, Long executionId) {
            this.item = item;
            this.number = number;
            this.executionId = executionId;
        }

        @Override
        public void progress(double positionSeconds, double durationSeconds) {
            pause.at("mid-write", number);
            long now = System.nanoTime();
            if (now - lastLog > LOG_EVERY_NANOS) {
                lastLog = now;
                log.info("transcode: {} {}", item.label(), Double.isNaN(durationSeconds)
                        ? String.format(Locale.ROOT, "%.0f s", positionSeconds)
                        : String.format(Locale.ROOT, "%.0f %% (%.0f of %.0f s)", 100 * positionSeconds / durationSeconds,
                        positionSeconds, durationSeconds));
            }
        }

        @Override
        public boolean cancelled() {
            long now = System.nanoTime();
            if (executionId == null || now - lastStopCheck < STOP_CHECK_NANOS) {
                return false;
            }
            lastStopCheck = now;
            String status = jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")
                    .param(executionId).query(String.class).optional().orElse(null);
            // STOPPING, or already STOPPED/FAILED/ABANDONED when another process marked it: stop either way
            return status != null && !status.equals("STARTED") && !status.equals("STARTING");
        }

        @Override
        public void replacing(Path leftover) {
            log.warn("transcode: {} replaces {}: complete but never catalogued (a run was killed before its commit)",
                    item.label(), leftover);
        }

        @Override
        public void renamed(Path target) {
            pause.at("after-rename", number);
        }
    }
}
