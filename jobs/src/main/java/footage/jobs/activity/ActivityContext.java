package footage.jobs.activity;

import footage.jobs.catalog.Catalog;
import footage.jobs.continuity.ContinuityContext;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import footage.jobs.retention.RetentionContext;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by {@code footage activities import}: the importer, the ledger, the continuity analysis
 * the import starts and the retention the activities' recordings are reclassified by.
 */
@Import({ActivityImporter.class, Ledger.class, ContinuityContext.class, RetentionContext.class, Catalog.class, DomainMetrics.class})
public class ActivityContext {
}
