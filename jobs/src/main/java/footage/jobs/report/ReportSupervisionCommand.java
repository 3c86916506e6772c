package footage.jobs.report;

import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Locale language = null;
        if (invocation.option("lang") != null) {
            try {
                language = ReportProperties.language(invocation.option("lang"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        SupervisionReports.Report report = reports.month(month);
        byte[] bytes;
        try {
            bytes = reports.render(report, format, language);
        } catch (PdfReport.CjkFontMissingException e) {
            throw new UsageException(e.getMessage());
        }
        String file = invocation.option("out");
        if (file == null) {
            out.write(bytes, 0, bytes.length);
            out.flush();
            return 0;
        }
        Path target = Path.of(file).toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new UsageException("--out " + file + " is a folder; name a file");
        }
        try {
            ReportFiles.write(target, bytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
        out.println("report supervision: wrote " + target + " (" + format.extension() + ", " + report.officers().size()
                + " officer(s), " + bytes.length + " bytes, sha256 " + ReportFiles.sha256(bytes) + ", ledger head "
                + report.ledgerHead() + ")");
        return 0;
    }
}
