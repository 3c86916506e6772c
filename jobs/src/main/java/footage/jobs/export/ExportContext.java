package footage.jobs.export;

import footage.jobs.ledger.Ledger;
import footage.jobs.ledger.LedgerReader;
import footage.jobs.report.ReportContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by {@code footage export}: the selection, the bag's writer with the gap reports and the
 * ledger extract it puts in, and the ledger its entries go to.
 */
@Import({ExportSelector.class, Exporter.class, LedgerExtract.class, LedgerReader.class, Ledger.class, ReportContext.class})
@EnableConfigurationProperties(ExportProperties.class)
public class ExportContext {
}
