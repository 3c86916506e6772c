package footage.jobs.ingest;

import footage.jobs.catalog.Catalog;
import footage.jobs.continuity.ContinuityContext;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import footage.jobs.retention.RetentionContext;
import footage.jobs.runs.JobRunsContext;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by {@code footage ingest}: {@code ingestJob} with its steps, readers, processors and
 * writers, Batch's job repository and operator, and what the job writes to — no other job, schedule, console,
 * broker, security, metrics endpoint or Flyway, which took about two thirds of the whole application's start-up
 * (BENCHMARKS.md §11). On a new or older catalog the command starts in the whole application instead, which migrates it.
 */
@Import({IngestJobConfiguration.class, Quarantine.class, PauseHook.class, IngestSummary.class, Catalog.class,
        Ledger.class, DomainMetrics.class, ContinuityContext.class, RetentionContext.class, JobRunsContext.class})
public class IngestContext {
}
