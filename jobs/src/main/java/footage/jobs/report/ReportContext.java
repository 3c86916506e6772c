package footage.jobs.report;

import footage.jobs.ledger.Ledger;
import footage.jobs.devices.Officers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by the report commands (and {@code export}, whose bag holds gap reports): the reports'
 * builders and renderer and what they read.
 */
@Import({GapReportBuilder.class, GapReportRenderer.class, InterruptionReports.class, PdfRenderer.class, Ledger.class,
        SupervisionReports.class, Officers.class})
@EnableConfigurationProperties(ReportProperties.class)
public class ReportContext {
}
