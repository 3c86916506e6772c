package footage.jobs.report;

import org.springframework.context.annotation.Import;

/** The report jobs ({@code reportJob}, {@code supervisionReportJob}) with what they read: for {@code jobs restart}. */
@Import({ReportJobConfiguration.class, SupervisionReportJobConfiguration.class, ReportContext.class})
public class ReportJobsContext {
}
