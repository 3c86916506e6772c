package footage.jobs.report;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code footage report interruptions (--activity ID | --from T --to T) [--format html|pdf] [--lang zh-CN|en]
 * [--out FILE]}: the leader's report of Art. 11, per enforcement activity the interruptions and their explanations.
 */
@Command(name = "interruptions", description = "the leader's report of the interruptions explained during activities (Art. 11)")
class ReportInterruptionsCommand implements FootageCommand {

    @Autowired
    private InterruptionReports reports;

    @Option(names = "--activity", paramLabel = "ID", description = "an activity's id or case number")
    private String activity;

    @Option(names = "--from", paramLabel = "T", description = "the activities that start from then...")
    private String from;

    @Option(names = "--to", paramLabel = "T", description = "...until then (a date means its whole day)")
    private String to;

    @Option(names = "--format", paramLabel = "html|pdf", defaultValue = "pdf", description = "default ${DEFAULT-VALUE}")
    private ReportFormat format;

    @Mixin
    private ReportOutput output;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, ReportContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (format != ReportFormat.HTML && format != ReportFormat.PDF) {
            throw new UsageException("--format: the leader's report is html or pdf, not " + format.extension());
        }
        Locale language = output.language();
        boolean range = from != null || to != null;
        if ((activity == null) == !range || range && (from == null || to == null)) {
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
            OffsetDateTime start = ReportGapsCommand.time("from", from, reports.zone(), false);
            OffsetDateTime end = ReportGapsCommand.time("to", to, reports.zone(), true);
            if (start.isAfter(end)) {
                throw new UsageException("--from " + from + " is after --to " + to);
            }
            report = reports.between(start, end);
        }
        byte[] bytes;
        try {
            bytes = reports.render(report, format, language);
        } catch (PdfRenderer.CjkFontMissingException e) {
            throw new UsageException(e.getMessage());
        }
        output.write(bytes, "report interruptions", format.extension() + ", "
                + report.activities().size() + " activit" + (report.activities().size() == 1 ? "y" : "ies")
                + ", ledger head " + report.ledgerHead(), out);
        return 0;
    }
}
