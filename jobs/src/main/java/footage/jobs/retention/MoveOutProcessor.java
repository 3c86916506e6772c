package footage.jobs.retention;

import footage.jobs.catalog.ObjectLocations;
import footage.pipeline.archive.CopyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Copies one recording's archive object, and its derivatives, into expired/ and verifies the copies; the archive and
 * footage.proxies are only read. A recording whose archive object (or a derivative) is not intact is not moved
 * (filtered, and counted as refused): a fixity failure is for a person to look at, never something to pass on. Other I/O errors (a full disk) fail the step; the next sweep
 * starts over with that recording.
 */
class MoveOutProcessor implements ItemProcessor<RetentionRow, MovedCopy> {

    private static final Logger log = LoggerFactory.getLogger(MoveOutProcessor.class);

    private final ExpiredStore store;
    private final DerivativeMoves derivatives;
    private final SweepPauseHook pause;

    MoveOutProcessor(ExpiredStore store, DerivativeMoves derivatives, SweepPauseHook pause) {
        this.store = store;
        this.derivatives = derivatives;
        this.pause = pause;
    }

    @Override
    public MovedCopy process(RetentionRow r) throws IOException {
        pause.nextItem();
        List<DerivativeMoves.Derivative> made = derivatives.inProxies(r.id());
        String expiredPath = null;
        try {
            expiredPath = store.copyIn(r, new CopyListener() {
                @Override
                public void copying(Path temp, long bytesCopied, long totalBytes) {
                    pause.at("mid-copy");
                }
            });
            for (DerivativeMoves.Derivative d : made) {
                derivatives.copyIn(d);
            }
            pause.at("after-copy");
            return new MovedCopy(r, expiredPath, made);
        } catch (ExpiredStore.NotIntact e) {
            log.error("sweep: recording {} ({}, sha256 {}) NOT moved: {}; run 'footage verify --full'",
                    r.id(), r.originalPath(), r.sha256(), e.getMessage());
            // nothing of it is catalogued in expired/: copies made so far go again, the originals stay
            if (expiredPath != null) {
                store.removeCopy(ObjectLocations.relative(expiredPath));
            }
            for (DerivativeMoves.Derivative d : made) {
                derivatives.removeCopy(d.path());
            }
            return null;
        }
    }
}
