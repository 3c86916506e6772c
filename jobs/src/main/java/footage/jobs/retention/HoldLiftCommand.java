package footage.jobs.retention;

import footage.jobs.cli.CommandHandler;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/** {@code footage hold lift (--case ID | --recording ID) --reason TEXT --by USER}: lifts every active hold on it. */
@Component
class HoldLiftCommand implements CommandHandler {

    private final HoldChanges changes;

    HoldLiftCommand(HoldChanges changes) {
        this.changes = changes;
    }

    @Override
    public String command() {
        return "hold lift";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        HoldTarget target = RetentionArguments.holdTarget(command(), invocation);
        String by = invocation.required("by");
        HoldChanges.LiftResult r = changes.lift(target, invocation.required("reason"), by);
        out.println("hold: lifted " + r.lifted().size() + " hold(s) on " + target.label() + " by " + by + ": "
                + r.released().size() + " recording(s) released, " + r.stillHeld() + " of them still held by other holds");
        return 0;
    }
}
