package footage.jobs.continuity;

import java.time.Duration;
import java.time.Instant;

/** A stretch of reference time, both ends included: what a windowed analysis reads or what it answers for. */
record Window(Instant from, Instant to) {

    Window {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a window needs a start and an end not before it: " + from + ", " + to);
        }
    }

    /** The smallest window holding both; a null end counts as the start (a moment). */
    Window including(Instant start, Instant end) {
        if (start == null) {
            return this;
        }
        Instant lo = end == null || start.isBefore(end) ? start : end;
        Instant hi = end == null || end.isBefore(start) ? start : end;
        return new Window(lo.isBefore(from) ? lo : from, hi.isAfter(to) ? hi : to);
    }

    Window widened(Duration by) {
        return new Window(from.minus(by), to.plus(by));
    }

    /**
     * Whether a span shares a moment with the window. Its ends may come in either order (a time mismatch runs from the
     * file name's time to the container's, whichever is earlier); a null end is the start alone.
     */
    boolean touches(Instant start, Instant end) {
        Instant lo = end == null || start.isBefore(end) ? start : end;
        Instant hi = end == null || end.isBefore(start) ? start : end;
        return !lo.isAfter(to) && !hi.isBefore(from);
    }
}
