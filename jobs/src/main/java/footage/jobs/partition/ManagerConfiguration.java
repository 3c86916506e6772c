package footage.jobs.partition;

import footage.jobs.runs.Nodes;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Role manager: {@code ingestFilesStep} is a remote partitioning manager step. It cuts the pending files into id
 * ranges, sends one request per range to the broker and waits for the partitions by reading the job repository
 * (workers send no replies); {@link PartitionWatchdog} fails the partitions of dead workers meanwhile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${footage.role:all}'.equalsIgnoreCase('manager')")
class ManagerConfiguration {

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /**
     * Requests go out synchronously and wait for the broker's confirm: a broker that is down or refuses them fails the
     * step at once, instead of leaving partitions that nobody will ever be asked to run.
     */
    @Bean
    IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, RabbitTemplate rabbitTemplate,
                                              PartitionProperties properties) {
        return IntegrationFlow.from(partitionRequests)
                .transform(StepExecutionRequest.class, r -> PartitionRequest.of(r).toJson())
                .handle(Amqp.outboundAdapter(rabbitTemplate).routingKey(properties.queue())
                        .waitForConfirm(true).confirmTimeout(30_000))
                .get();
    }

    @Bean
    PartitionWatchdog ingestPartitionWatchdog(PartitionClaims claims, Nodes nodes, JobRepository jobRepository,
                                              PartitionProperties properties) {
        return new PartitionWatchdog(claims, nodes, jobRepository, properties, WorkerConfiguration.INGEST_WORKER_STEP);
    }

    @Bean
    Step ingestFilesStep(JobRepository jobRepository, PendingRangePartitioner partitioner, DirectChannel partitionRequests,
                         PartitionWatchdog ingestPartitionWatchdog, PartitionProperties properties, BeanFactory beanFactory) {
        // a restart runs the partitions that did not complete, never again the ones that did
        SimpleStepExecutionSplitter splitter = new SimpleStepExecutionSplitter(jobRepository,
                WorkerConfiguration.INGEST_WORKER_STEP, partitioner);
        splitter.setAllowStartIfComplete(false);
        return new RemotePartitioningManagerStepBuilder("ingestFilesStep", jobRepository)
                .partitioner(WorkerConfiguration.INGEST_WORKER_STEP, partitioner)
                .splitter(splitter)
                .gridSize(properties.gridSize())
                .outputChannel(partitionRequests)
                .pollInterval(properties.pollInterval().toMillis())
                .timeout(properties.timeout().toMillis())
                .beanFactory(beanFactory)
                .listener(ingestPartitionWatchdog)
                .allowStartIfComplete(true)
                .build();
    }
}
