package footage.jobs.report;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Writes a {@link GapReport} in any {@link ReportFormat}; text formats as UTF-8. */
@Component
public class GapReportRenderer {

    private final ReportProperties properties;

    GapReportRenderer(ReportProperties properties) {
        this.properties = properties;
    }

    public byte[] render(GapReport report, ReportFormat format) {
        return switch (format) {
            case JSON -> JsonReport.render(report).getBytes(StandardCharsets.UTF_8);
            case CSV -> CsvReport.render(report).getBytes(StandardCharsets.UTF_8);
            case HTML -> HtmlReport.render(report).getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfReport.render(HtmlReport.render(report), properties.cjkFont());
        };
    }
}
