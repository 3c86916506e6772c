package footage.jobs.partition;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The ids a partition covers, both ends included ({@code dump_files} for the ingest, {@code recordings} for the
 * transcode and the fixity audit). Kept in the partition's execution context, so a restart of a failed partition
 * covers the same items it did the first time.
 */
public record IdRange(long first, long last) {

    static final String FIRST = "footage.partition.first-id";
    static final String LAST = "footage.partition.last-id";
    static final IdRange EMPTY = new IdRange(1, 0);
    /** Every id: a step that is not a partition of a remote partitioned step. */
    public static final IdRange ALL = new IdRange(1, Long.MAX_VALUE);

    static IdRange of(ExecutionContext context) {
        if (!context.containsKey(FIRST) || !context.containsKey(LAST)) {
            throw new IllegalStateException("the partition's execution context has no id range (" + FIRST + ", " + LAST
                    + "): was it made by " + PendingRangePartitioner.class.getSimpleName() + "?");
        }
        return new IdRange(context.getLong(FIRST), context.getLong(LAST));
    }

    /** The range of a remote partition, or {@link #ALL} for a step of a single node. */
    public static IdRange orAll(ExecutionContext context) {
        return context.containsKey(FIRST) ? of(context) : ALL;
    }

    ExecutionContext context() {
        ExecutionContext context = new ExecutionContext();
        context.putLong(FIRST, first);
        context.putLong(LAST, last);
        return context;
    }

    public boolean isEmpty() {
        return last < first;
    }

    @Override
    public String toString() {
        return isEmpty() ? "no ids" : "ids " + first + ".." + (last == Long.MAX_VALUE ? "" : Long.toString(last));
    }
}
