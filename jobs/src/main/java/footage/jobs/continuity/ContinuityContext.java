package footage.jobs.continuity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Added to a catalog context by a command whose job analyses timelines (ingest): the analysis and what it reads. */
@Import({ContinuityConfiguration.class, ContinuityService.class, ContinuityMarks.class, TimelineSource.class,
        RegisterFindings.class})
@EnableConfigurationProperties(ContinuityProperties.class)
public class ContinuityContext {
}
