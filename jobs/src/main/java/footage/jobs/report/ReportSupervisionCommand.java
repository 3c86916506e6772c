package footage.jobs.report;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code footage report supervision --month 2024-03 [--format csv|html|pdf] [--lang zh-CN|en] [--out FILE]}: the
 * supervision report of Art. 19 for one month.
 */
@Command(name = "supervision", description = "the supervision report per officer and unit for a month (Art. 19)")
class ReportSupervisionCommand implements FootageCommand {

    @Autowired
    private SupervisionReports reports;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "e.g. 2024-03")
    private String month;

    @Option(names = "--format", paramLabel = "csv|html|pdf", defaultValue = "csv", description = "default ${DEFAULT-VALUE}")
    private ReportFormat format;

    @Mixin
    private ReportOutput output;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, ReportContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--month must be a month such as 2024-03, not '" + month + "'");
        }
        if (format == ReportFormat.JSON) {
            throw new UsageException("--format: the supervision report is csv, html or pdf");
        }
        Locale language = output.language();
        SupervisionReports.Report report = reports.month(yearMonth);
        byte[] bytes;
        try {
            bytes = reports.render(report, format, language);
        } catch (PdfRenderer.CjkFontMissingException e) {
            throw new UsageException(e.getMessage());
        }
        output.write(bytes, "report supervision", format.extension() + ", "
                + report.officers().size() + " officer(s), ledger head " + report.ledgerHead(), out);
        return 0;
    }
}
