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
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
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
 * partition and a busy one holds none back that another worker could run — and runs the worker step each names: a
 * step bean of that name ({@link WorkerSteps}). {@code ingestFilesWorkerStep} is declared here; the transcode's and
 * the fixity audit's with their jobs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(NodeRole.IS_WORKER)
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

    /** One handler for every worker step: it runs the step bean the request names (workers send no replies). */
    @Bean
    IntegrationFlow partitionRequestsToSteps(DirectChannel workerRequests, JobRepository jobRepository,
                                             BeanFactory beanFactory) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(jobRepository);
        handler.setStepLocator(steps);
        return IntegrationFlow.from(workerRequests)
                .handle(handler, "handle")
                .nullChannel();
    }

    @Bean
    WorkerSteps workerSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            RunningPartitions runningPartitions, PartitionTimes partitionTimes, JdbcClient jdbc) {
        return new WorkerSteps(jobRepository, transactionManager, runningPartitions, partitionTimes, jdbc);
    }

    @Bean
    Step ingestFilesWorkerStep(WorkerSteps workerSteps, PartitionFiles files,
                               @Qualifier("ingestFilesProcessor") ItemProcessor<PendingFile, ?> ingestFilesProcessor,
                               @Qualifier("ingestFilesWriter") ItemWriter<?> ingestFilesWriter,
                               @Qualifier("ingestFilesWriter") StepExecutionListener ingestFilesWriterListener) {
        return workerSteps.partition(INGEST_WORKER_STEP, new PartitionFileReader(files), ingestFilesProcessor,
                ingestFilesWriter, SettleOnce.Rule.underCatalogLock((file, partition) -> files.settled(file)),
                ingestFilesWriterListener);
    }
}
