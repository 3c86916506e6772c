package footage.jobs.integrity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets the crash test kill a fixity audit for real part-way: with {@code footage.debug.fixity-pause-at=N} the N-th
 * object of this process waits, before it is hashed, after printing {@code PAUSED fixity N}. Inert unless set.
 */
@Component
class FixityPauseHook {

    private final int pauseAt;
    private final AtomicInteger objects = new AtomicInteger();

    FixityPauseHook(@Value("${footage.debug.fixity-pause-at:0}") int pauseAt) {
        this.pauseAt = pauseAt;
    }

    void nextObject() {
        int n = objects.incrementAndGet();
        if (n == pauseAt) {
            System.out.println("PAUSED fixity " + n);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
