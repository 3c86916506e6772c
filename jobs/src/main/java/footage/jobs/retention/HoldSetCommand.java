package footage.jobs.retention;

import footage.jobs.cli.CommandHandler;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code footage hold set (--case ID | --recording ID) --reason TEXT --by USER}. */
@Component
class HoldSetCommand implements CommandHandler {

    private final HoldChanges changes;

    HoldSetCommand(HoldChanges changes) {
        this.changes = changes;
    }

    @Override
    public String command() {
        return "hold set";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        HoldTarget target = RetentionArguments.holdTarget(command(), invocation);
        String by = invocation.required("by");
        HoldChanges.SetResult r = changes.set(target, invocation.required("reason"), by);
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
