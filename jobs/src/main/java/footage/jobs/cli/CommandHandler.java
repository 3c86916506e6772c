package footage.jobs.cli;

import java.io.PrintStream;

/**
 * Runs one command inside the application context. Implementations are Spring beans; {@link #command()} names the
 * {@link CommandSpec} they serve. Return the exit code: 0 done, 1 the job failed or problems found, 2 bad usage.
 * Throw {@link UsageException} for a bad argument value (exit 2 with its message).
 */
public interface CommandHandler {

    String command();

    int run(Invocation invocation, PrintStream out, PrintStream err);

    /** Positional arguments and options of one call. */
    record Invocation(java.util.List<String> arguments, java.util.Map<String, String> options) {

        public String option(String name) {
            return options.get(name);
        }

        public String option(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }

        public boolean flag(String name) {
            return options.containsKey(name);
        }

        public String required(String name) {
            String v = options.get(name);
            if (v == null || v.isBlank()) {
                throw new UsageException("--" + name + " is required");
            }
            return v;
        }
    }
}
