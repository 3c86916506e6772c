package footage.jobs.verify;

import footage.jobs.fixity.FixityProperties;
import footage.jobs.ledger.Ledger;
import footage.jobs.ledger.LedgerReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Added to a catalog context by {@code footage verify}: the verifier, the ledger it reads and the one it writes to. */
@Import({Verifier.class, LedgerReader.class, Ledger.class})
@EnableConfigurationProperties(FixityProperties.class)
public class VerifyContext {
}
