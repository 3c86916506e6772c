package footage.jobs.partition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Every role: the role itself, checked at start-up so a misspelt one stops the process with a one-line reason. */
@Configuration(proxyBeanMethods = false)
class PartitionConfiguration {

    @Bean
    NodeRole nodeRole(Environment environment) {
        return NodeRole.of(environment);
    }
}
