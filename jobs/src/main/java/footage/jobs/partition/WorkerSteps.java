package footage.jobs.partition;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Role worker: the step that runs one partition of a remote partitioned step, from the single-node step's reader
 * (reading the partition's {@link IdRange}), processor and writer, one item per chunk, each item settled once
 * ({@link SettleOnce}). The step must be a bean named {@code name}: the partition requests name it, and the
 * worker's request handler looks it up by that name.
 */
public final class WorkerSteps {

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final RunningPartitions runningPartitions;
    private final PartitionTimes times;
    private final JdbcClient jdbc;

    WorkerSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                RunningPartitions runningPartitions, PartitionTimes times, JdbcClient jdbc) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.runningPartitions = runningPartitions;
        this.times = times;
        this.jdbc = jdbc;
    }

    /**
     * @param listeners the step listeners among the processor and writer (wrapped, they are not found by themselves)
     */
    public <I> Step partition(String name, ItemReader<I> reader, ItemProcessor<I, ?> processor, ItemWriter<?> writer,
                              SettleOnce.Rule<I> once, StepExecutionListener... listeners) {
        ChunkOrientedStepBuilder<I, SettleOnce.Settling<I>> step = new StepBuilder(name, jobRepository)
                .<I, SettleOnce.Settling<I>>chunk(1)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(new SettleOnce.Processor<>(processor, once, jdbc, times))
                .writer(new SettleOnce.Writer<>(writer, once, jdbc, times))
                .listener(runningPartitions);
        for (StepExecutionListener listener : listeners) {
            step.listener(listener);
        }
        return step.build();
    }
}
