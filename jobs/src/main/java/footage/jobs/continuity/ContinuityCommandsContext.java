package footage.jobs.continuity;

import footage.jobs.catalog.Catalog;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import org.springframework.context.annotation.Import;

/** Added to a catalog context by {@code footage continuity} and {@code explain}: the analysis, the catalog, the ledger. */
@Import({ContinuityContext.class, Catalog.class, Ledger.class, DomainMetrics.class})
public class ContinuityCommandsContext {
}
