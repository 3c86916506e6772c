package footage.jobs.retention;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;

/** {@code footage hold lift (--case ID | --recording ID) --reason TEXT --by USER}: lifts every active hold on it. */
@Command(name = "lift", description = "lift the holds on a case or recording")
class HoldLiftCommand implements FootageCommand {

    @Mixin
    private HoldOptions options;

    @Autowired
    private HoldChanges changes;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, HoldContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        HoldTarget target = options.target();
        String by = options.by;
        HoldChanges.LiftResult r = changes.liftFromCommandLine(target, options.reason, by);
        out.println("hold: lifted " + r.lifted().size() + " hold(s) on " + target.label() + " by " + by + ": "
                + r.released().size() + " recording(s) released, " + r.stillHeld() + " of them still held by other holds");
        return 0;
    }
}
