package footage.jobs.ingest;

import footage.jobs.catalog.Catalog;
import footage.jobs.continuity.ContinuityContext;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import footage.jobs.partition.SingleNode;
import footage.jobs.retention.RetentionContext;
import footage.jobs.runs.JobRunsContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Added to a catalog context by {@code footage ingest}: {@code ingestJob} with its steps, readers, processors and
 * writers, Batch's job repository and operator, and what the job writes to — no other job, schedule, console,
 * broker, security, metrics endpoint or Flyway, which took about two thirds of the whole application's start-up
 * (BENCHMARKS.md §11). On a new or older catalog, or in a cluster's manager or worker ({@code footage.role}), the command
 * starts in the whole application instead, which migrates the catalog and has the cluster's beans.
 */
@Import({IngestJobConfiguration.class, Quarantine.class, PauseHook.class, IngestSummary.class, IngestProgress.class, Catalog.class,
        Ledger.class, DomainMetrics.class, ContinuityContext.class, RetentionContext.class, JobRunsContext.class})
public class IngestContext {

    IngestContext(Environment environment) {
        // a cluster's manager sends the file step to its workers (footage.jobs.partition): that is the whole application
        SingleNode.require(environment);
    }
}
