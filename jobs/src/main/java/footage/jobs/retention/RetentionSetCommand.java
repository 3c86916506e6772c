package footage.jobs.retention;

import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/**
 * {@code footage retention set RECORDING_ID --class STANDARD|PERMANENT [--category C] --by USER [--reason TEXT]};
 * making a PERMANENT recording STANDARD needs {@code --reason} and an enabled console ADMIN as {@code --by}; anyone
 * else is refused (exit 2, like a refused {@code jobs} command).
 */
@Component
class RetentionSetCommand implements CommandHandler {

    private final RetentionChanges changes;

    RetentionSetCommand(RetentionChanges changes) {
        this.changes = changes;
    }

    @Override
    public String command() {
        return "retention set";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        long id = RetentionArguments.recordingId(invocation.arguments().get(0));
        RetentionClass target = RetentionArguments.retentionClass(invocation.required("class"));
        String categoryText = invocation.option("category");
        PermanentCategory category;
        try {
            category = categoryText == null ? null : PermanentCategory.parse(categoryText);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String by = invocation.required("by");
        RetentionChanges.Result result = changes.set(id, target, category, by, invocation.option("reason"));
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
