package footage.jobs.export;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import footage.pipeline.time.StrictTimes;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code footage export (--case ID | --device ID --from T --to T) --out DIR}: a BagIt evidence package of the chosen
 * recordings. Exit 0 done, 1 when the evidence does not verify (nothing is exported then), 2 bad usage, a non-empty
 * --out, or nothing to export.
 */
@Command(name = "export", description = "BagIt evidence package of a case, or of a device's recordings in a time range")
public class ExportCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private ExportProperties export;

    @Autowired
    private ExportSelector selector;

    @Autowired
    private Exporter exporter;

    @Option(names = "--case", paramLabel = "ID", description = "every recording of this case's activities")
    private String caseNumber;

    @Option(names = "--device", paramLabel = "ID", description = "a device's recordings between --from and --to")
    private String device;

    @Option(names = "--from", paramLabel = "T", description = "e.g. 2019-02-17T09:30:00+08:00, 2019-02-17T09:30 or 2019-02-17")
    private String from;

    @Option(names = "--to", paramLabel = "T", description = "a date means its whole day")
    private String to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "a new or empty folder")
    private String outDir;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, ExportContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if ((caseNumber == null) == (device == null)) {
            throw new UsageException("export needs either --case ID or --device ID --from T --to T");
        }
        if (caseNumber != null && (from != null || to != null)) {
            throw new UsageException("--from and --to go with --device; a case's times come from its activities");
        }
        Path target = emptyTarget(outDir);
        if (export.organization() == null || export.organization().isBlank()) {
            throw new UsageException("footage.export.organization is not set: bag-info.txt must name the Source-Organization "
                    + "(e.g. --footage.export.organization='…民政局')");
        }
        Selection selection;
        if (caseNumber != null) {
            selection = selector.byCase(caseNumber);
        } else {
            ZoneId zone = properties.deviceZone();
            if (from == null || to == null) {
                throw new UsageException("--device needs --from T and --to T");
            }
            OffsetDateTime start = time("from", from, zone, false);
            OffsetDateTime end = time("to", to, zone, true);
            if (start.isAfter(end)) {
                throw new UsageException("--from is after --to");
            }
            selection = selector.byDevice(device, start, end);
        }
        out.printf(Locale.ROOT, "export: %s: %d recording(s), %.1f MiB%n", selection.externalIdentifier(),
                selection.recordings().size(), selection.bytes() / 1048576.0);
        Exporter.Result result;
        try {
            result = exporter.export(selection, target);
        } catch (Exporter.IntegrityException e) {
            out.println("export: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException("export to " + target + " failed: " + e.getMessage(), e);
        }
        out.println("export: wrote BagIt bag " + result.bag() + ": " + result.files() + " payload file(s), "
                + result.bytes() + " bytes, " + result.ledgerEntries() + " ledger entries in " + Exporter.LEDGER_EXTRACT);
        if (result.pdfProblem() != null) {
            out.println("export: no gap-report.pdf (" + result.pdfProblem() + "); gap-report.json is in the bag");
        }
        out.println("export: tagmanifest-sha256.txt " + result.tagManifestSha256() + " (registered in the ledger as EXPORTED)");
        return 0;
    }

    private static Path emptyTarget(String value) {
        Path target = Path.of(value).toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new UsageException("--out " + value + " is a file; name a new or empty folder");
            }
            try (Stream<Path> list = Files.list(target)) {
                if (list.findAny().isPresent()) {
                    throw new UsageException("--out " + value + " is not empty; an evidence package goes into a new or empty folder");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --out " + value + ": " + e.getMessage(), e);
            }
        }
        return target;
    }

    /** An ISO offset date-time, or a local date-time or date in the device zone; a date as --to means its whole day. */
    static OffsetDateTime time(String option, String value, ZoneId zone, boolean endOfDay) {
        try {
            return StrictTimes.dateTime(value, zone, endOfDay);
        } catch (DateTimeException e) {
            throw new UsageException("--" + option + ": " + e.getMessage()
                    + " (e.g. 2019-02-17T09:30:00+08:00, 2019-02-17T09:30 or 2019-02-17 in " + zone + ")");
        }
    }
}
