package footage.jobs.continuity;

import footage.jobs.FootageProperties;
import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code footage continuity [--device ID | --all]}: the timeline analysis on demand. Without an option it analyses the
 * devices waiting for it (as the ingest's continuity step does); {@code --device} one device, {@code --all} every
 * device the catalog knows (after a tolerance or the device zone changed). Findings keep their ids; ones no longer
 * produced are superseded, never deleted.
 */
@Component
class ContinuityCommand implements CommandHandler {

    private final ContinuityService continuity;
    private final ContinuityMarks marks;
    private final FootageProperties properties;

    ContinuityCommand(ContinuityService continuity, ContinuityMarks marks, FootageProperties properties) {
        this.continuity = continuity;
        this.marks = marks;
        this.properties = properties;
    }

    @Override
    public String command() {
        return "continuity";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        String device = invocation.option("device");
        boolean all = invocation.flag("all");
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
