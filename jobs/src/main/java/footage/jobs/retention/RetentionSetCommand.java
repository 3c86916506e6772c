package footage.jobs.retention;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;

/**
 * {@code footage retention set RECORDING_ID --class STANDARD|PERMANENT [--category C] --by USER [--reason TEXT]};
 * making a PERMANENT recording STANDARD needs {@code --reason} and an enabled console ADMIN as {@code --by}; anyone
 * else is refused (exit 2, like a refused {@code jobs} command).
 */
@Command(name = "set", description = "retention class (Art. 15); PERMANENT -> STANDARD needs --reason and an ADMIN --by")
class RetentionSetCommand implements FootageCommand {

    @Autowired
    private RetentionChanges changes;

    @Parameters(index = "0", paramLabel = "RECORDING_ID", description = "see footage catalog list")
    private long id;

    @Option(names = "--class", required = true, paramLabel = "CLASS", description = "${COMPLETION-CANDIDATES}")
    private RetentionClass retentionClass;

    @Option(names = "--category", paramLabel = "C", description = "the Art. 15 category of a PERMANENT recording")
    private String categoryText;

    @Option(names = "--by", required = true, paramLabel = "USER", description = "who decides (ledgered)")
    private String by;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why; needed to make a PERMANENT recording STANDARD")
    private String reason;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, RetentionChangesContext.class);
    }

    /** Whether its person is an administrator is the console's users' to say. */
    @Override
    public boolean asksAdministrators() {
        return true;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        PermanentCategory category;
        try {
            category = categoryText == null ? null : PermanentCategory.parse(categoryText);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RetentionChanges.Result result = changes.set(id, retentionClass, category, by, reason);
        if (result.outcome() == RetentionChanges.Outcome.REFUSED) {
            err.println("footage: refused: " + result.refusal() + " (the refusal is ledgered)");
            return 2;
        }
        RetentionRow before = result.before();
        Classifier.Decision d = result.decision();
        String now = d.retentionClass() + (d.category() == null ? "" : " " + d.category())
                + (d.retainUntil() == null ? "" : ", retain until " + d.retainUntil());
        if (result.outcome() == RetentionChanges.Outcome.UNCHANGED) {
            out.println("retention: recording " + id + " is already " + now + "; nothing changed");
            return 0;
        }
        out.println("retention: recording " + id + " (" + before.originalPath() + ") " + before.retentionClass()
                + (before.category() == null ? "" : " " + before.category()) + " -> " + now + " (by " + by + ", ledgered)");
        if (before.movedOut()) {
            out.println("retention: note: it was already moved out to " + before.archivePath()
                    + "; the sweep leaves it there and it has to be brought back by hand");
        }
        return 0;
    }
}
