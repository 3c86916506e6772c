package footage.jobs.partition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code footage.partition.*}: remote partitioning of the ingest (roles manager and worker).
 *
 * @param gridSize      partitions per run of a partitioned step; more than the workers, so a fast worker takes more
 *                      and a killed worker's partition (re-run by a restart) is small
 * @param queue         the broker queue the partition requests go through; every node of one cluster names the same
 * @param pollInterval  how often the manager reads the job repository for the partitions' state
 * @param timeout       the longest a partitioned step may take; then it fails and a restart re-runs what is unfinished
 * @param pickupTimeout how long partitions may wait with no worker working on any of them before the manager
 *                      fails them (no worker running, or none connected to the broker)
 * @param workerPoll    how often an idle worker asks the broker for a partition
 */
@ConfigurationProperties("footage.partition")
record PartitionProperties(@DefaultValue("8") int gridSize, @DefaultValue("footage.partitions") String queue,
                                  @DefaultValue("1s") Duration pollInterval, @DefaultValue("24h") Duration timeout,
                                  @DefaultValue("10m") Duration pickupTimeout, @DefaultValue("1s") Duration workerPoll) {

    PartitionProperties {
        if (gridSize < 1) {
            throw new IllegalArgumentException("footage.partition.grid-size must be at least 1: " + gridSize);
        }
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("footage.partition.queue must name a queue");
        }
        for (Duration d : new Duration[] {pollInterval, timeout, pickupTimeout, workerPoll}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("footage.partition durations must be positive: " + d);
            }
        }
    }
}
