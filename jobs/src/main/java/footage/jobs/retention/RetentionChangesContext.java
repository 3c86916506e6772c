package footage.jobs.retention;

import footage.jobs.ledger.Ledger;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by {@code footage retention set}: the retention rows, policy and classifier it changes
 * and the ledger. It also needs an {@link Administrators}, which the console answers; the command line's entry point
 * adds that (this package cannot name the console's: a package cycle).
 */
@Import({RetentionContext.class, RetentionChanges.class, Ledger.class})
public class RetentionChangesContext {
}
