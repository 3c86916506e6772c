package footage.jobs.cli;

import java.util.Set;

/**
 * What the command line accepts for one command, checked before anything starts so usage errors are immediate.
 *
 * @param name     one or two words, e.g. {@code "ingest"}, {@code "report gaps"}
 * @param usage    the line shown in the usage listing (without the leading "footage ")
 * @param options  options that take a value
 * @param flags    options without a value
 * @param minArgs  positional arguments at least
 * @param maxArgs  positional arguments at most ({@code Integer.MAX_VALUE} for any number)
 */
public record CommandSpec(String name, String usage, Set<String> options, Set<String> flags, int minArgs, int maxArgs) {

    public static CommandSpec of(String name, String usage) {
        return new CommandSpec(name, usage, Set.of(), Set.of(), 0, 0);
    }

    public CommandSpec options(String... names) {
        return new CommandSpec(name, usage, Set.of(names), flags, minArgs, maxArgs);
    }

    public CommandSpec flags(String... names) {
        return new CommandSpec(name, usage, options, Set.of(names), minArgs, maxArgs);
    }

    public CommandSpec arguments(int min, int max) {
        return new CommandSpec(name, usage, options, flags, min, max);
    }
}
