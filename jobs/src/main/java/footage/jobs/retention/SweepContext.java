package footage.jobs.retention;

import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import footage.jobs.runs.JobRunsContext;
import footage.jobs.transcode.Derivatives;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by {@code footage sweep}: {@code retentionSweepJob} with the expired store and the
 * derivatives it moves out, the retention rules, Batch's repository and operator, the ledger.
 */
@Import({RetentionSweepJobConfiguration.class, SweepRules.class, SweepPauseHook.class, DerivativeMoves.class,
        DerivativeRecovery.class, ExpiredStore.class, RetentionContext.class, Ledger.class, DomainMetrics.class,
        Derivatives.class, JobRunsContext.class})
public class SweepContext {
}
