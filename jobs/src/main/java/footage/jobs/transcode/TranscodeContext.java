package footage.jobs.transcode;

import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.Recordings;
import footage.jobs.continuity.ContinuityContext;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import footage.jobs.partition.SingleNode;
import footage.jobs.runs.JobRunsContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Added to a catalog context by {@code footage transcode}: {@code transcodeJob} with its derivatives and decode checks,
 * the continuity analysis a decode check's finding starts, Batch's repository and operator, the ledger.
 */
@Import({TranscodeJobConfiguration.class, TranscodePauseHook.class, Derivatives.class, DecodeChecks.class, Recordings.class,
        Catalog.class, Ledger.class, DomainMetrics.class, ContinuityContext.class, JobRunsContext.class})
@EnableConfigurationProperties(TranscodeProperties.class)
public class TranscodeContext {

    TranscodeContext(Environment environment) {
        SingleNode.require(environment);
    }
}
