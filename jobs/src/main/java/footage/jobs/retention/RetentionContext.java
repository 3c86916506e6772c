package footage.jobs.retention;

import footage.jobs.catalog.Recordings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Added to a catalog context by a command whose job classifies recordings as they come in (ingest). */
@Import({Retention.class, RetentionRows.class, RetentionPolicy.class, Coverage.class, Holds.class, Classifier.class,
        Recordings.class})
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionContext {
}
