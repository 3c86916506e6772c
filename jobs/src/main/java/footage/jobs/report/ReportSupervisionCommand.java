package footage.jobs.report;

import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code footage report supervision --month 2024-03 [--format csv|html|pdf] [--lang zh-CN|en] [--out FILE]}: the
 * supervision report of Art. 19 for one month.
 */
@Component
class ReportSupervisionCommand implements CommandHandler {

    private final SupervisionReports reports;

    ReportSupervisionCommand(SupervisionReports reports) {
        this.reports = reports;
    }

    @Override
    public String command() {
        return "report supervision";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        YearMonth month;
        try {
            month = YearMonth.parse(invocation.required("month").trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--month must be a month such as 2024-03, not '" + invocation.option("month") + "'");
        }
        ReportFormat format;
        try {
            format = ReportFormat.parse(invocation.option("format", "csv"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        if (format == ReportFormat.JSON) {
            throw new UsageException("--format: the supervision report is csv, html or pdf");
        }
        Locale language = ReportOutput.language(invocation);
        SupervisionReports.Report report = reports.month(month);
        byte[] bytes;
        try {
            bytes = reports.render(report, format, language);
        } catch (PdfReport.CjkFontMissingException e) {
            throw new UsageException(e.getMessage());
        }
        ReportOutput.write(invocation, bytes, "report supervision", format.extension() + ", "
                + report.officers().size() + " officer(s), ledger head " + report.ledgerHead(), out);
        return 0;
    }
}
