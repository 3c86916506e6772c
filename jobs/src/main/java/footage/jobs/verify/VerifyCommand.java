package footage.jobs.verify;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code footage verify [--full]}: one line per problem, then a summary. Exit 0 when nothing is wrong, 1 when
 * something is.
 */
@Command(name = "verify", description = "check the ledger chain and the catalog against it; --full re-hashes the archive too")
public class VerifyCommand implements FootageCommand {

    @Autowired
    private Verifier verifier;

    @Option(names = "--full", description = "re-hash every archived object too")
    private boolean full;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, VerifyContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        Verifier.Report report = verifier.verify(full);
        report.problems().forEach(p -> out.println("verify: " + p.text()));
        CatalogCheck.Counts c = report.catalog();
        String archive = report.archive() == null ? "archive not re-hashed (use --full)"
                : String.format(Locale.ROOT, "%d archive object(s), %.1f MiB re-hashed in %.1f s", report.archive().objects(),
                report.archive().bytes() / 1048576.0, report.archiveSeconds());
        String checked = String.format(Locale.ROOT, "ledger %d entries (head %s); catalog %d dump(s), %d recording(s), "
                        + "%d dump file(s), %d finding(s); %s", report.entries(), report.head(), c.dumps(), c.recordings(),
                c.dumpFiles(), c.findings(), archive);
        if (report.problems().isEmpty()) {
            out.println("verify: OK: " + checked);
            return 0;
        }
        out.println("verify: " + report.problems().size() + " problem(s) found; checked " + checked);
        return 1;
    }
}
