package footage.jobs.transcode;

import footage.jobs.debug.CrashPoint;
import footage.jobs.debug.DebugPause;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets crash tests kill a transcode for real at a fixed point: {@code footage.debug.transcode-pause-at=<point>:<n>}
 * makes the n-th derivative of this process stop at {@code mid-write} (its temporary file is being written),
 * {@code after-rename} (in place, not catalogued) or {@code after-commit}, print {@code PAUSED <point>} and wait to be
 * killed or told {@code resume} ({@link DebugPause}). Inert unless set.
 */
@Component
class TranscodePauseHook {

    private final CrashPoint point;
    private final AtomicInteger items = new AtomicInteger();
    /** processor and writer of a chunk run on the partition's thread */
    private final ThreadLocal<Integer> current = ThreadLocal.withInitial(() -> 0);

    TranscodePauseHook(@Value("${footage.debug.transcode-pause-at:}") String spec) {
        point = CrashPoint.parse("footage.debug.transcode-pause-at", spec);
    }

    /** Called once per derivative as it starts; returns its number in this process. */
    int nextItem() {
        int n = items.incrementAndGet();
        current.set(n);
        return n;
    }

    /** The number of the derivative this thread works on. */
    int current() {
        return current.get();
    }

    void at(String here, int item) {
        if (point.is(here, item)) {
            DebugPause.here(here);
        }
    }
}
