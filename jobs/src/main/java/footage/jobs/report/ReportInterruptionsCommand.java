package footage.jobs.report;

import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code footage report interruptions (--activity ID | --from T --to T) [--format html|pdf] [--lang zh-CN|en]
 * [--out FILE]}: the leader's report of Art. 11, per enforcement activity the interruptions and their explanations.
 */
@Component
class ReportInterruptionsCommand implements CommandHandler {

    private final InterruptionReports reports;

    ReportInterruptionsCommand(InterruptionReports reports) {
        this.reports = reports;
    }

    @Override
    public String command() {
        return "report interruptions";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        ReportFormat format;
        try {
            format = ReportFormat.parse(invocation.option("format", "pdf"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        if (format != ReportFormat.HTML && format != ReportFormat.PDF) {
            throw new UsageException("--format: the leader's report is html or pdf, not " + format.extension());
        }
        Locale language = ReportOutput.language(invocation);
        String activity = invocation.option("activity");
        boolean range = invocation.option("from") != null || invocation.option("to") != null;
        if ((activity == null) == !range || range && (invocation.option("from") == null || invocation.option("to") == null)) {
            throw new UsageException("give --activity ID, or --from T and --to T");
        }
        InterruptionReport report;
        if (activity != null) {
            Optional<InterruptionReport> one = reports.ofActivity(activity.trim());
            if (one.isEmpty()) {
                throw new UsageException("no enforcement activity with id or case number '" + activity + "'");
            }
            report = one.get();
        } else {
            OffsetDateTime from = ReportGapsCommand.time("from", invocation.option("from"), reports.zone(), false);
            OffsetDateTime to = ReportGapsCommand.time("to", invocation.option("to"), reports.zone(), true);
            if (from.isAfter(to)) {
                throw new UsageException("--from " + invocation.option("from") + " is after --to " + invocation.option("to"));
            }
            report = reports.between(from, to);
        }
        byte[] bytes;
        try {
            bytes = reports.render(report, format, language);
        } catch (PdfReport.CjkFontMissingException e) {
            throw new UsageException(e.getMessage());
        }
        ReportOutput.write(invocation, bytes, "report interruptions", format.extension() + ", "
                + report.activities().size() + " activit" + (report.activities().size() == 1 ? "y" : "ies")
                + ", ledger head " + report.ledgerHead(), out);
        return 0;
    }
}
