package footage.jobs.partition;

import footage.jobs.runs.Nodes;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.channel.DirectChannel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Role manager: makes a job's main step a remote partitioning manager step. It cuts the step's pending work into id
 * ranges ({@link PendingRangePartitioner}), sends one request per range to the broker and waits for the partitions by
 * reading the job repository (workers send no replies); a {@link PartitionWatchdog} fails the partitions of dead
 * workers meanwhile, and those nobody takes within the pickup timeout. The ingest, the transcode and the fixity audit
 * all go through here.
 */
public final class ManagerSteps implements AutoCloseable {

    private final JobRepository jobRepository;
    private final DirectChannel partitionRequests;
    private final PartitionProperties properties;
    private final PartitionClaims claims;
    private final Nodes nodes;
    private final BeanFactory beanFactory;
    private final List<PartitionWatchdog> watchdogs = new CopyOnWriteArrayList<>();

    ManagerSteps(JobRepository jobRepository, DirectChannel partitionRequests, PartitionProperties properties,
                 PartitionClaims claims, Nodes nodes, BeanFactory beanFactory) {
        this.jobRepository = jobRepository;
        this.partitionRequests = partitionRequests;
        this.properties = properties;
        this.claims = claims;
        this.nodes = nodes;
        this.beanFactory = beanFactory;
    }

    /**
     * @param name       the step's name (the one its job's single-node step has)
     * @param workerStep the workers' step bean that runs one partition ({@link WorkerSteps})
     * @param work       what is left to do, for cutting the ranges
     */
    public Step partitioned(String name, String workerStep, PendingWork work) {
        PendingRangePartitioner partitioner = new PendingRangePartitioner(work);
        PartitionWatchdog watchdog = new PartitionWatchdog(claims, nodes, jobRepository, properties, workerStep);
        watchdogs.add(watchdog);
        // a restart runs the partitions that did not complete, never again the ones that did
        SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(jobRepository, workerStep, partitioner);
        splitter.setAllowStartIfComplete(false);
        return new RemotePartitioningManagerStepBuilder(name, jobRepository)
                .partitioner(workerStep, partitioner)
                .splitter(splitter)
                .gridSize(properties.gridSize())
                .outputChannel(partitionRequests)
                .pollInterval(properties.pollInterval().toMillis())
                .timeout(properties.timeout().toMillis())
                .beanFactory(beanFactory)
                .listener(watchdog)
                .allowStartIfComplete(true)
                .build();
    }

    @Override
    public void close() {
        watchdogs.forEach(PartitionWatchdog::close);
    }
}
