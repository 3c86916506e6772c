package footage.jobs.retention;

import footage.jobs.debug.CrashPoint;
import footage.jobs.debug.DebugPause;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets crash tests kill a sweep for real at a named point of the n-th recording it moves
 * ({@code footage.debug.sweep-pause-at=after-copy:2}): the process prints {@code PAUSED <point>} and waits to be
 * killed ({@link DebugPause}). Points: {@code mid-copy}, {@code after-copy} (copy published in expired/, nothing catalogued),
 * {@code after-commit} (catalog and ledger name the copy, the original is still in the archive),
 * {@code after-remove}, and {@code after-report} (disposition report on disk, not yet ledgered; n is ignored).
 * Inert unless set.
 */
@Component
class SweepPauseHook {

    private final CrashPoint point;
    private final AtomicInteger items = new AtomicInteger();

    SweepPauseHook(@Value("${footage.debug.sweep-pause-at:}") String spec) {
        point = CrashPoint.parse("footage.debug.sweep-pause-at", spec);
    }

    void nextItem() {
        items.incrementAndGet();
    }

    void at(String here) {
        if (here.equals("after-report") ? point.is(here) : point.is(here, items.get())) {
            DebugPause.here(here);
        }
    }
}
