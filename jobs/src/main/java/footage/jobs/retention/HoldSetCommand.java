package footage.jobs.retention;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;

/** {@code footage hold set (--case ID | --recording ID) --reason TEXT --by USER}. */
@Command(name = "set", description = "keep recordings from the sweep whatever their class")
class HoldSetCommand implements FootageCommand {

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
        HoldChanges.SetResult r = changes.set(target, options.reason, by);
        if (r.holdId() == null) {
            Holds.Hold h = r.existing().get(0);
            out.println("hold: " + target.label() + " is already held (hold " + h.id() + " by " + h.setBy() + " since "
                    + h.setAt() + ": " + h.reason() + "); nothing changed");
            return 0;
        }
        out.println("hold: hold " + r.holdId() + " set on " + target.label() + " by " + by + ": " + r.covered().size()
                + " recording(s) held now " + r.covered());
        if (r.movedOut() > 0) {
            out.println("hold: note: " + r.movedOut() + " of them were already moved out to expired/; the hold keeps them "
                    + "there, and they have to be brought back by hand");
        }
        if (!r.caseKnown()) {
            out.println("hold: warning: no enforcement activity has case number " + target.caseNumber() + " yet; the "
                    + "recordings of activities imported with it later are held from then on");
        }
        return 0;
    }
}
