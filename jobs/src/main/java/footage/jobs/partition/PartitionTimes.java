package footage.jobs.partition;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a worker's partition spent its time: processing its items (an ingest's copy, hash, fsync and probe; a
 * transcode; a re-hash), cataloguing them, and, of that, waiting for the catalog lock that every node's writes queue
 * for. Logged when a partition ends, so an
 * operator (and the cluster benchmark) sees whether more workers would help or would only queue for the lock.
 */
final class PartitionTimes {

    private final LongAdder files = new LongAdder();
    private final LongAdder takeInNanos = new LongAdder();
    private final LongAdder catalogueNanos = new LongAdder();
    private final LongAdder lockWaitNanos = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();

    void reset() {
        files.reset();
        takeInNanos.reset();
        catalogueNanos.reset();
        lockWaitNanos.reset();
        commitNanos.reset();
    }

    void tookIn(long nanos) {
        files.increment();
        takeInNanos.add(nanos);
    }

    void catalogued(long nanos, long lockWait) {
        catalogueNanos.add(nanos);
        lockWaitNanos.add(lockWait);
    }

    void committed(long nanos) {
        commitNanos.add(nanos);
    }

    String summary(long elapsedNanos) {
        return String.format(Locale.ROOT, "%d item(s) in %.2f s: processing %.2f s, cataloguing %.2f s "
                        + "(of which waiting for the catalog lock %.2f s), committing %.2f s", files.sum(), elapsedNanos / 1e9,
                takeInNanos.sum() / 1e9, catalogueNanos.sum() / 1e9, lockWaitNanos.sum() / 1e9, commitNanos.sum() / 1e9);
    }
}
