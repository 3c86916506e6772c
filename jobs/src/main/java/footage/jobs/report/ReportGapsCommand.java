package footage.jobs.report;

import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;
import footage.pipeline.time.StrictTimes;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * {@code footage report gaps [--format json|csv|html|pdf] [--device ID] [--from T] [--to T] [--out FILE]}: the gap
 * report (DESIGN §7) to stdout, or to FILE.
 */
@Component
class ReportGapsCommand implements CommandHandler {

    private final GapReportBuilder builder;
    private final GapReportRenderer renderer;

    ReportGapsCommand(GapReportBuilder builder, GapReportRenderer renderer) {
        this.builder = builder;
        this.renderer = renderer;
    }

    @Override
    public String command() {
        return "report gaps";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        ReportFormat format;
        try {
            format = ReportFormat.parse(invocation.option("format", "json"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
        java.util.Locale language = ReportOutput.language(invocation);
        String device = invocation.option("device");
        if (device != null && device.isBlank()) {
            throw new UsageException("--device needs a device id");
        }
        ZoneId zone = builder.zone();
        OffsetDateTime from = time("from", invocation.option("from"), zone, false);
        OffsetDateTime to = time("to", invocation.option("to"), zone, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new UsageException("--from " + invocation.option("from") + " is after --to " + invocation.option("to"));
        }
        GapReport report = builder.build(new ReportFilter(device, from, to));
        byte[] bytes;
        try {
            bytes = language == null ? renderer.render(report, format) : renderer.render(report, format, language);
        } catch (PdfReport.CjkFontMissingException e) {
            throw new UsageException(e.getMessage()); // configuration, not a failed run: exit 2
        }
        if (device != null && report.devices().isEmpty()) {
            err.println("footage: nothing catalogued for device " + device + (report.filter().timeBounded() ? " in that time" : ""));
        }
        ReportOutput.write(invocation, bytes, "report gaps", format.extension(), out);
        return 0;
    }

    /**
     * An ISO offset date-time, or a local date-time or date read in the report zone. A date given as --to means
     * the end of that day, so that {@code --from 2019-02-17 --to 2019-02-17} is the whole day.
     */
    static OffsetDateTime time(String option, String value, ZoneId zone, boolean endOfDay) {
        if (value == null) {
            return null;
        }
        try {
            return StrictTimes.dateTime(value, zone, endOfDay).atZoneSameInstant(zone).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw new UsageException("--" + option + ": " + e.getMessage() + " (e.g. 2019-02-17T09:30:00+08:00, "
                    + "2019-02-17T09:30 or 2019-02-17, local times in " + zone + ")");
        }
    }
}
