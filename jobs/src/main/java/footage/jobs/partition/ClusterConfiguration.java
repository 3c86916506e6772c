package footage.jobs.partition;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.health.RabbitHealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.config.EnableIntegration;

/**
 * Roles manager and worker: the broker queue the partition requests go through (declared by whichever node connects
 * first, durable so that requests survive a broker restart), the broker in the health endpoint, and the check that
 * the job repository is one every node shares.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(ClusterConfiguration.CLUSTERED)
@EnableIntegration
class ClusterConfiguration {

    static final String CLUSTERED = "'${footage.role:all}'.equalsIgnoreCase('manager') or '${footage.role:all}'.equalsIgnoreCase('worker')";

    ClusterConfiguration(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")) {
            throw new IllegalStateException("footage.role=" + NodeRole.of(environment).label() + " needs a job repository and "
                    + "catalog every node shares (PostgreSQL: --spring.profiles.active=postgres); an embedded H2 database is one "
                    + "process's own");
        }
    }

    @Bean
    Queue partitionQueue(PartitionProperties properties) {
        return new Queue(properties.queue(), true);
    }

    /** The single-node default leaves the broker out of health (it has none); a cluster node cannot work without it. */
    @Bean
    HealthIndicator brokerHealthIndicator(RabbitTemplate rabbitTemplate) {
        return new RabbitHealthIndicator(rabbitTemplate);
    }
}
