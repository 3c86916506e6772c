package footage.jobs.report;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import footage.pipeline.time.StrictTimes;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code footage report gaps [--format json|csv|html|pdf] [--device ID] [--from T] [--to T] [--out FILE]}: the gap
 * report (docs/formats.md §7) to stdout, or to FILE.
 */
@Command(name = "gaps", description = "the gap report (docs/formats.md §7)")
class ReportGapsCommand implements FootageCommand {

    @Autowired
    private GapReportBuilder builder;

    @Autowired
    private GapReportRenderer renderer;

    @Option(names = "--format", paramLabel = "json|csv|html|pdf", defaultValue = "json", description = "default ${DEFAULT-VALUE}")
    private ReportFormat format;

    @Option(names = "--device", paramLabel = "ID", description = "only this device")
    private String device;

    @Option(names = "--from", paramLabel = "T", description = "e.g. 2019-02-17T09:30:00+08:00, 2019-02-17T09:30 or 2019-02-17")
    private String from;

    @Option(names = "--to", paramLabel = "T", description = "a date means its whole day")
    private String to;

    @Mixin
    private ReportOutput output;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, ReportContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        java.util.Locale language = output.language();
        if (device != null && device.isBlank()) {
            throw new UsageException("--device needs a device id");
        }
        ZoneId zone = builder.zone();
        OffsetDateTime start = time("from", from, zone, false);
        OffsetDateTime end = time("to", to, zone, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw new UsageException("--from " + from + " is after --to " + to);
        }
        GapReport report = builder.build(new ReportFilter(device, start, end));
        byte[] bytes;
        try {
            bytes = language == null ? renderer.render(report, format) : renderer.render(report, format, language);
        } catch (PdfRenderer.CjkFontMissingException e) {
            throw new UsageException(e.getMessage()); // configuration, not a failed run: exit 2
        }
        if (device != null && report.devices().isEmpty()) {
            err.println("footage: nothing catalogued for device " + device + (report.filter().timeBounded() ? " in that time" : ""));
        }
        output.write(bytes, "report gaps", format.extension(), out);
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
