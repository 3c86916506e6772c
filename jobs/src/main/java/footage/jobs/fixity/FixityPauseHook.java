package footage.jobs.fixity;

import footage.jobs.debug.CrashPoint;
import footage.jobs.debug.DebugPause;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets the crash test kill a fixity audit for real part-way: with {@code footage.debug.fixity-pause-at=N} the N-th
 * object of this process waits, before it is hashed, after printing {@code PAUSED fixity N}, to be killed or told
 * {@code resume} ({@link DebugPause}). Inert unless set.
 */
@Component
class FixityPauseHook {

    private final CrashPoint point;
    private final AtomicInteger objects = new AtomicInteger();

    FixityPauseHook(@Value("${footage.debug.fixity-pause-at:0}") int pauseAt) {
        // the property is the object's number alone: the audit has one point
        this.point = pauseAt > 0 ? new CrashPoint("fixity", pauseAt) : CrashPoint.NONE;
    }

    void nextObject() {
        int n = objects.incrementAndGet();
        if (point.is("fixity", n)) {
            DebugPause.here("fixity " + n);
        }
    }
}
