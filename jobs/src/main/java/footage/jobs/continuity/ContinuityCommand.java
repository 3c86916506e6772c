package footage.jobs.continuity;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code footage continuity [--device ID | --all]}: the timeline analysis on demand. Without an option it analyses the
 * devices waiting for it (as the ingest's continuity step does); {@code --device} one device, {@code --all} every
 * device the catalog knows (after a tolerance or the device zone changed). Findings keep their ids; ones no longer
 * produced are superseded, never deleted.
 */
@Command(name = "continuity", description = "re-run the timeline analysis: of the devices waiting for it (default), of one device (--device), or of all (--all)")
public class ContinuityCommand implements FootageCommand {

    @Autowired
    private ContinuityService continuity;

    @Autowired
    private ContinuityMarks marks;

    @Autowired
    private FootageProperties properties;

    @Option(names = "--device", paramLabel = "ID", description = "analyse this device again")
    private String device;

    @Option(names = "--all", description = "analyse every device again")
    private boolean all;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, ContinuityCommandsContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (device != null && all) {
            throw new UsageException("give --device ID or --all, not both");
        }
        if (device != null && device.isBlank()) {
            throw new UsageException("--device needs a device id");
        }
        String actor = properties.ingest().actor();
        ContinuityService.Outcome outcome;
        if (all) {
            outcome = continuity.analyzeAll(actor);
        } else if (device != null) {
            if (!continuity.knows(device)) {
                throw new UsageException("no dump or recording of device '" + device + "' in the catalog");
            }
            outcome = continuity.analyze(List.of(device), actor);
        } else {
            List<ContinuityMarks.Waiting> waiting = marks.waiting();
            out.println("continuity: " + waiting.size() + " device(s) waiting for analysis");
            outcome = continuity.analyzeMarked(actor);
        }
        out.println("continuity: " + outcome.devices() + " device(s) analysed, " + outcome.raised() + " finding(s) raised, "
                + outcome.superseded() + " superseded");
        return 0;
    }
}
