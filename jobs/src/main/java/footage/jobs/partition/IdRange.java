package footage.jobs.partition;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The {@code dump_files} ids a partition covers, both ends included. Kept in the partition's execution context, so a
 * restart of a failed partition covers the same files it did the first time.
 */
record IdRange(long first, long last) {

    static final String FIRST = "footage.partition.first-id";
    static final String LAST = "footage.partition.last-id";
    static final IdRange EMPTY = new IdRange(1, 0);

    static IdRange of(ExecutionContext context) {
        if (!context.containsKey(FIRST) || !context.containsKey(LAST)) {
            throw new IllegalStateException("the partition's execution context has no id range (" + FIRST + ", " + LAST
                    + "): was it made by " + PendingRangePartitioner.class.getSimpleName() + "?");
        }
        return new IdRange(context.getLong(FIRST), context.getLong(LAST));
    }

    ExecutionContext context() {
        ExecutionContext context = new ExecutionContext();
        context.putLong(FIRST, first);
        context.putLong(LAST, last);
        return context;
    }

    boolean isEmpty() {
        return last < first;
    }

    @Override
    public String toString() {
        return isEmpty() ? "no ids" : "ids " + first + ".." + (last == Long.MAX_VALUE ? "" : Long.toString(last));
    }
}
