package footage.jobs.report;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes a {@link GapReport} in any {@link ReportFormat}; text formats as UTF-8. HTML, PDF and the CSV header speak
 * the report's language ({@code footage.report.locale}, zh-CN unless set; {@code --lang}); JSON is the machine contract
 * and keeps its English names and codes.
 */
@Component
public class GapReportRenderer {

    private final ReportProperties properties;
    private final MessageSource messages;
    private final HtmlReport html;
    private final PdfRenderer pdf;

    GapReportRenderer(ReportProperties properties, MessageSource messages, PdfRenderer pdf) {
        this.properties = properties;
        this.pdf = pdf;
        this.messages = messages;
        this.html = new HtmlReport(messages);
    }

    /** In the configured language. */
    public byte[] render(GapReport report, ReportFormat format) {
        return render(report, format, properties.locale());
    }

    /** The report's overview timeline alone (SVG), as the console's zoom swaps it in. */
    public String timeline(GapReport report, Locale locale) {
        return html.timeline(report, new ReportLanguage(messages, locale));
    }

    /** The report language nearest to a reader's (a browser's) locale: Chinese for any zh, else English. */
    public static Locale languageFor(Locale reader) {
        return reader != null && "zh".equals(reader.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public byte[] render(GapReport report, ReportFormat format, Locale locale) {
        ReportLanguage language = new ReportLanguage(messages, locale);
        return switch (format) {
            case JSON -> JsonReport.render(report).getBytes(StandardCharsets.UTF_8);
            case CSV -> CsvReport.render(report, language).getBytes(StandardCharsets.UTF_8);
            case HTML -> html.render(report, language).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf.render(html.render(report, language));
        };
    }
}
