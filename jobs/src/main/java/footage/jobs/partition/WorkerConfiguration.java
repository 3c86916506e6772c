package footage.jobs.partition;

import footage.jobs.catalog.PendingFile;
import footage.jobs.runs.Nodes;
import footage.jobs.runs.OperationsProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Role worker: takes partition requests from the broker one at a time — polling, so an idle worker asks for the next
 * partition and a busy one holds none back that another worker could run — and runs {@code ingestFilesWorkerStep} for
 * each: the single-node step's processor and writer over the partition's id range, one file per chunk.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${footage.role:all}'.equalsIgnoreCase('worker')")
class WorkerConfiguration {

    static final String INGEST_WORKER_STEP = "ingestFilesWorkerStep";

    @Bean
    DirectChannel workerRequests() {
        return new DirectChannel();
    }

    @Bean
    PartitionTimes partitionTimes() {
        return new PartitionTimes();
    }

    @Bean
    RunningPartitions runningPartitions(OperationsProperties operations, PartitionTimes partitionTimes) {
        return new RunningPartitions(operations, partitionTimes);
    }

    @Bean
    PartitionIntake partitionIntake(PartitionClaims claims, Nodes nodes, RunningPartitions runningPartitions) {
        return new PartitionIntake(claims, nodes, runningPartitions);
    }

    @Bean
    IntegrationFlow partitionRequestsFromBroker(ConnectionFactory connectionFactory, PartitionProperties properties,
                                                PartitionIntake partitionIntake, DirectChannel workerRequests) {
        return IntegrationFlow.from(Amqp.inboundPolledAdapter(connectionFactory, properties.queue()),
                        // one request at a time, the next one asked for only when the last partition is done; back to
                        // back while the queue has some, then a pause of worker-poll
                        e -> e.poller(Pollers.fixedDelay(properties.workerPoll()).maxMessagesPerPoll(100)
                                .errorHandler(partitionIntake)))
                .filter(partitionIntake)
                .transform(Object.class, p -> PartitionRequest.parse(p).toStepExecutionRequest())
                .channel(workerRequests)
                .get();
    }

    @Bean
    PartitionFileReader ingestPartitionReader(PartitionFiles files) {
        return new PartitionFileReader(files);
    }

    @Bean
    Step ingestFilesWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               BeanFactory beanFactory, DirectChannel workerRequests, RunningPartitions runningPartitions,
                               PartitionFileReader ingestPartitionReader,
                               @Qualifier("ingestFilesProcessor") ItemProcessor<PendingFile, ?> ingestFilesProcessor,
                               @Qualifier("ingestFilesWriter") ItemWriter<?> ingestFilesWriter,
                               @Qualifier("ingestFilesWriter") StepExecutionListener ingestFilesWriterListener,
                               JdbcClient jdbc, PartitionTimes partitionTimes) {
        return new RemotePartitioningWorkerStepBuilder(INGEST_WORKER_STEP, jobRepository)
                .inputChannel(workerRequests)
                .beanFactory(beanFactory)
                .listener(runningPartitions)
                .<PendingFile, SettleOnce.Settling>chunk(1)
                .transactionManager(transactionManager)
                .reader(ingestPartitionReader)
                .processor(new SettleOnce.Processor(ingestFilesProcessor, partitionTimes))
                .writer(new SettleOnce.Writer(ingestFilesWriter, jdbc, partitionTimes))
                .listener(ingestFilesWriterListener)
                .build();
    }
}
