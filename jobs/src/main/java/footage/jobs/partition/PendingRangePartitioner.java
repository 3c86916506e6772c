package footage.jobs.partition;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the pending files into {@code gridSize} contiguous id ranges of about equal bytes (recordings differ a lot in
 * size; bytes are what a worker spends its time on). The ranges cover every id from 1 up, so a file registered while
 * the step runs still belongs to exactly one partition (the last). Always exactly {@code gridSize} partitions, with the
 * same names: a restart looks its failed partitions up by name, so a name must not vanish because fewer files wait.
 */
@Component
class PendingRangePartitioner implements Partitioner {

    static final String PREFIX = "partition";

    private final PartitionFiles files;

    PendingRangePartitioner(PartitionFiles files) {
        this.files = files;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int i = 0;
        for (IdRange range : ranges(files.pending(), gridSize)) {
            partitions.put(PREFIX + i++, range.context());
        }
        return partitions;
    }

    static List<IdRange> ranges(List<PartitionFiles.Sized> pending, int gridSize) {
        long total = 0;
        for (PartitionFiles.Sized f : pending) {
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
        // the rest of the files, and any registered later: open upwards; fewer files than partitions leaves some empty
        ranges.add(new IdRange(first, Long.MAX_VALUE));
        while (ranges.size() < gridSize) {
            ranges.add(IdRange.EMPTY);
        }
        return ranges;
    }

    /** Zero-byte files still cost a round trip: count them as one byte. */
    private static long weight(PartitionFiles.Sized f) {
        return Math.max(1, f.size());
    }
}
