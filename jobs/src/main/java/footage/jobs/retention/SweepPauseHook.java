package footage.jobs.retention;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets crash tests kill a sweep for real at a named point of the n-th recording it moves
 * ({@code footage.debug.sweep-pause-at=after-copy:2}): the process prints {@code PAUSED <point>} and waits to be
 * killed. Points: {@code mid-copy}, {@code after-copy} (copy published in expired/, nothing catalogued),
 * {@code after-commit} (catalog and ledger name the copy, the original is still in the archive),
 * {@code after-remove}, and {@code after-report} (disposition report on disk, not yet ledgered; n is ignored).
 * Inert unless set.
 */
@Component
class SweepPauseHook {

    private final String point;
    private final int nth;
    private final AtomicInteger items = new AtomicInteger();

    SweepPauseHook(@Value("${footage.debug.sweep-pause-at:}") String spec) {
        if (spec == null || spec.isBlank()) {
            point = null;
            nth = 0;
        } else {
            String[] parts = spec.split(":");
            point = parts[0];
            nth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        }
    }

    void nextItem() {
        items.incrementAndGet();
    }

    void at(String here) {
        if (here.equals(point) && (items.get() == nth || here.equals("after-report"))) {
            System.out.println("PAUSED " + here);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
