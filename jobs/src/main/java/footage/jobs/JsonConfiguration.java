package footage.jobs;

import footage.pipeline.text.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boot's {@code JsonMapper} bean is the project's one mapper ({@link Json#MAPPER}): Boot's own backs off, so beans,
 * Spring MVC and the static helpers that write ledger entries and reports share one configuration, not two.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapper jsonMapper() {
        return Json.MAPPER;
    }
}
