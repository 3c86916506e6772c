package footage.jobs.partition;

import org.springframework.batch.core.step.StepExecution;

import java.util.List;

/**
 * What a remote partitioned step has left to do, as its items' ids in id order, each with a weight (bytes: what a
 * worker spends its time on). {@link PendingRangePartitioner} cuts it into id ranges; a worker step then reads the
 * items of its range itself, so the work only steers how evenly the ranges are cut.
 */
@FunctionalInterface
public interface PendingWork {

    record Item(long id, long weight) {
    }

    /** @param managerStep the partitioned step's execution (its job parameters say, e.g., which objects are due) */
    List<Item> pending(StepExecution managerStep);
}
