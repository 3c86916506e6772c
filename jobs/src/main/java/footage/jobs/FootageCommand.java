package footage.jobs;

import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;

/**
 * One command of the {@code footage} command line (docs/architecture.md §6): a picocli {@code @Command} in its feature's package.
 * picocli fills in its options first, so usage errors and help need no application context; the entry point then
 * starts the context the command needs, injects its {@code @Autowired} fields and calls {@link #run}.
 * Return 0 done, 1 the job failed or problems were found; throw {@link UsageException} for a bad value (exit 2).
 */
public interface FootageCommand {

    int run(PrintStream out, PrintStream err);

    /** False for a command that works without the catalog (probe): it starts no application context at all. */
    default boolean needsContext() {
        return true;
    }

    /**
     * True for a command that reads media (ingest, demo, serve, transcode): FFmpeg's libraries are loaded on a
     * background thread while its context starts.
     */
    default boolean readsMedia() {
        return false;
    }

    /**
     * The classes of a slim context that holds all this command needs, starting with {@link CatalogContext}; empty
     * (the default) for the whole application. A command with a slim context still runs in the whole application
     * when the catalog is new or older than this build, or in a test that embeds the commands.
     */
    default List<Class<?>> catalogContext() {
        return List.of();
    }

    /**
     * The command's result when another process ran it for this one (an ingest handed to the {@code serve} that runs on
     * the home); empty, the default, to start this command's own context and run it here. Called before anything
     * else of the command, with the context's {@code --name=value} arguments as {@link #beforeContext} gets them.
     */
    default OptionalInt runElsewhere(List<String> springArgs, PrintStream out, PrintStream err) {
        return OptionalInt.empty();
    }

    /**
     * Work this command starts before its context, which takes a second or two to start (ingest has its first files
     * read from the disk meanwhile); {@code springArgs} are the context's {@code --name=value} arguments, {@code --home}
     * among them. Called once, right before the context starts; nothing by default.
     */
    default void beforeContext(List<String> springArgs) {
    }

    /**
     * True for a command whose slim context must also tell an administrator ({@code retention.Administrators}, which
     * the console's users answer): the entry point adds the console's users to it, as a feature's context cannot
     * import the console without a package cycle.
     */
    default boolean asksAdministrators() {
        return false;
    }

    /**
     * True for a command that may run any job of the command line ({@code jobs restart}): the entry point adds every
     * job's context to its slim context (a feature's context cannot import the others' without a package cycle).
     */
    default boolean restartsAnyJob() {
        return false;
    }

    /** Spring properties ({@code --name=value}) this command's context starts with, e.g. serve's web server. */
    default List<String> contextProperties(boolean homeGiven) {
        return List.of();
    }
}
