package footage.jobs.retention;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code footage retention set RECORDING_ID --class STANDARD|PERMANENT [--category C] --by USER [--reason TEXT]};
 * making a PERMANENT recording STANDARD needs {@code --reason} and an enabled console ADMIN as {@code --by}, who gives
 * their console password (on the terminal, or on standard input with {@code --password-stdin}); anyone else is refused
 * (exit 2, like a refused {@code jobs} command).
 */
@Command(name = "set", description = "retention class (Art. 15); PERMANENT -> STANDARD needs --reason and an ADMIN --by, who gives their console password")
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

    @Option(names = "--password-stdin", description = "read the --by ADMIN's console password from standard input's first "
            + "line (otherwise it is asked for on the terminal); needed to make a PERMANENT recording STANDARD")
    private boolean passwordStdin;

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
        char[] password = null;
        if (reason != null && !reason.isBlank() && changes.needsAdministrator(id, retentionClass)) {
            password = password(err);
        }
        RetentionChanges.Result result;
        try {
            result = changes.setFromCommandLine(id, retentionClass, category, by, reason, password);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
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

    /** The console password of {@code --by}: from standard input, or asked for on the terminal; null when neither. */
    private char[] password(PrintStream err) {
        if (passwordStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? null : line.toCharArray();
            } catch (IOException e) {
                throw new UsageException("--password-stdin: standard input cannot be read: " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        err.flush();
        return console.readPassword("console password of %s: ", by);
    }
}
