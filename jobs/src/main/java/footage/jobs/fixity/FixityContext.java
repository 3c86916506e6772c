package footage.jobs.fixity;

import footage.jobs.catalog.Recordings;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import footage.jobs.partition.SingleNode;
import footage.jobs.runs.JobRunsContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** Added to a catalog context by {@code footage fixity}: {@code fixityAuditJob}, Batch's repository and operator, the ledger. */
@Import({FixityAuditJobConfiguration.class, FixityPauseHook.class, Recordings.class, Ledger.class, DomainMetrics.class,
        JobRunsContext.class})
@EnableConfigurationProperties(FixityProperties.class)
public class FixityContext {

    FixityContext(Environment environment) {
        SingleNode.require(environment);
    }
}
