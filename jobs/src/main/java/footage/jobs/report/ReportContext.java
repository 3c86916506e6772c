package footage.jobs.report;

import footage.jobs.ledger.Ledger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Added to a catalog context by the report commands: the reports' builders and renderer and what they read. */
@Import({GapReportBuilder.class, GapReportRenderer.class, InterruptionReports.class, PdfRenderer.class, Ledger.class})
@EnableConfigurationProperties(ReportProperties.class)
class ReportContext {
}
