package footage.jobs.partition;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a partitioned step's pending work (files to take in, derivatives to make, objects to re-hash) into
 * {@code gridSize} contiguous id ranges of about equal weight (recordings differ a lot in size; bytes are what a worker
 * spends its time on). The ranges cover every id from 1 up, so an item added while the step runs still belongs to
 * exactly one partition (the last). Always exactly {@code gridSize} partitions, with the same names: a restart looks
 * its failed partitions up by name, so a name must not vanish because fewer items wait.
 */
class PendingRangePartitioner implements Partitioner {

    static final String PREFIX = "partition";

    private final PendingWork work;

    PendingRangePartitioner(PendingWork work) {
        this.work = work;
    }

    /** Called by the manager step while it runs, so the step's context (its job parameters) is at hand. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        StepContext step = StepSynchronizationManager.getContext();
        if (step == null) {
            throw new IllegalStateException("partitions are cut inside the running manager step");
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int i = 0;
        for (IdRange range : ranges(work.pending(step.getStepExecution()), gridSize)) {
            partitions.put(PREFIX + i++, range.context());
        }
        return partitions;
    }

    static List<IdRange> ranges(List<PendingWork.Item> pending, int gridSize) {
        long total = 0;
        for (PendingWork.Item f : pending) {
            total += weight(f);
        }
        List<IdRange> ranges = new ArrayList<>(gridSize);
        long first = 1;
        long cumulative = 0;
        int index = 0;
        for (int p = 0; p < gridSize - 1 && index < pending.size(); p++) {
            // this partition ends where the cumulative weight first reaches (p + 1) / gridSize of the total
            long target = total * (p + 1) / gridSize;
            long last = first - 1;
            while (index < pending.size() && (last < first || cumulative < target)) {
                cumulative += weight(pending.get(index));
                last = pending.get(index).id();
                index++;
            }
            ranges.add(new IdRange(first, last));
            first = last + 1;
        }
        // the rest of the items, and any added later: open upwards; fewer items than partitions leaves some empty
        ranges.add(new IdRange(first, Long.MAX_VALUE));
        while (ranges.size() < gridSize) {
            ranges.add(IdRange.EMPTY);
        }
        return ranges;
    }

    /** Zero-byte items still cost a round trip: count them as one byte. */
    private static long weight(PendingWork.Item f) {
        return Math.max(1, f.weight());
    }
}
