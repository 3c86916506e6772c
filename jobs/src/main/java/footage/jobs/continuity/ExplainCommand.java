package footage.jobs.continuity;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import footage.jobs.catalog.Catalog;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/** {@code footage explain FINDING_ID --reason R --note TEXT --by USER}: the Art. 11 reason stated on resuming. */
@Command(name = "explain", description = "state why a recording stopped (Art. 11)")
public class ExplainCommand implements FootageCommand {

    /** Art. 11: the only grounds on which a recording may be stopped. */
    enum Reason { PRIVACY_OR_TRADE_SECRET, WEATHER, OBSTRUCTION, FORCE_MAJEURE }

    @Autowired
    private Catalog catalog;

    @Parameters(index = "0", paramLabel = "FINDING_ID", description = "a finding of the gap report")
    private String id;

    @Option(names = "--reason", required = true, paramLabel = "R", description = "${COMPLETION-CANDIDATES}")
    private Reason reason;

    @Option(names = "--note", required = true, paramLabel = "TEXT", description = "what happened, in the officer's words")
    private String note;

    @Option(names = "--by", required = true, paramLabel = "USER", description = "who explains (ledgered)")
    private String by;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, ContinuityCommandsContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (!catalog.explain(id, reason.name(), note, by)) {
            throw new UsageException("no finding with id " + id);
        }
        out.println("explained " + id + ": " + reason + " by " + by);
        return 0;
    }
}
