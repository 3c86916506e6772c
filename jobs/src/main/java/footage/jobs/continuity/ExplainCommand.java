package footage.jobs.continuity;

import footage.jobs.catalog.Catalog;
import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code footage explain FINDING_ID --reason R --note TEXT --by USER}: the Art. 11 reason stated on resuming. */
@Component
class ExplainCommand implements CommandHandler {

    /** Art. 11: the only grounds on which a recording may be stopped. */
    enum Reason { PRIVACY_OR_TRADE_SECRET, WEATHER, OBSTRUCTION, FORCE_MAJEURE }

    private final Catalog catalog;

    ExplainCommand(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String command() {
        return "explain";
    }

    @Override
    @Transactional
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        String reason = invocation.required("reason");
        if (Arrays.stream(Reason.values()).noneMatch(r -> r.name().equals(reason))) {
            throw new UsageException("unknown reason '" + reason + "'; one of: "
                    + Arrays.stream(Reason.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        String note = invocation.required("note");
        String by = invocation.required("by");
        String id = invocation.arguments().get(0);
        if (!catalog.explain(id, reason, note, by)) {
            throw new UsageException("no finding with id " + id);
        }
        out.println("explained " + id + ": " + reason + " by " + by);
        return 0;
    }
}
