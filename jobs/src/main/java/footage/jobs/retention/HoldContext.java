package footage.jobs.retention;

import footage.jobs.ledger.Ledger;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by {@code footage hold set|lift}: the holds, the retention rows they change and the
 * ledger their entries go to. ({@code retention set} needs the console's users, to tell an administrator, and runs in
 * the whole application.)
 */
@Import({RetentionContext.class, HoldChanges.class, Ledger.class})
public class HoldContext {
}
