package footage.jobs.partition;

import footage.jobs.runs.Nodes;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Role manager: the partitioned steps' way to the broker, and {@code ingestFilesStep} as a remote partitioning manager
 * step over the pending files ({@link ManagerSteps}; the transcode and the fixity audit declare theirs with their
 * jobs).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(NodeRole.IS_MANAGER)
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
    ManagerSteps managerSteps(JobRepository jobRepository, DirectChannel partitionRequests, PartitionProperties properties,
                              PartitionClaims claims, Nodes nodes, BeanFactory beanFactory) {
        return new ManagerSteps(jobRepository, partitionRequests, properties, claims, nodes, beanFactory);
    }

    @Bean
    Step ingestFilesStep(ManagerSteps managerSteps, PartitionFiles files) {
        return managerSteps.partitioned("ingestFilesStep", WorkerConfiguration.INGEST_WORKER_STEP, step -> files.pending());
    }
}
