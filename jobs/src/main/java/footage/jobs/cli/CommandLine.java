package footage.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: the command, its arguments and options, and the global options ({@code --home DIR} and
 * any Spring property as {@code --footage.x=y}, {@code --spring.x=y}, {@code --logging.x=y}).
 */
record CommandLine(CommandSpec spec, List<String> arguments, Map<String, String> options, Path home,
                   List<String> springArgs) {

    private static final Set<String> PROPERTY_PREFIXES = Set.of("footage.", "spring.", "logging.", "server.", "management.");

    static CommandLine parse(String[] args) {
        List<String> words = new ArrayList<>();
        List<String[]> raw = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        Path home = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                words.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (PROPERTY_PREFIXES.stream().anyMatch(name::startsWith)) {
                if (value == null) {
                    throw new UsageException("--" + name + " needs a value: --" + name + "=VALUE");
                }
                spring.add("--" + name + "=" + value);
            } else if (name.equals("home")) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("--home needs a value");
                    }
                    value = args[++i];
                }
                home = Path.of(value).toAbsolutePath().normalize();
            } else {
                // a value may follow as the next word; which options take one is known once the command is
                boolean next = value == null && i + 1 < args.length && !args[i + 1].startsWith("--");
                raw.add(new String[] {name, value, next ? args[i + 1] : null, Integer.toString(words.size())});
                if (next) {
                    i++;
                }
            }
        }
        if (words.isEmpty()) {
            throw new UsageException("no command given");
        }
        List<String> positional = new ArrayList<>(words);
        Map<String, String> options = new LinkedHashMap<>();
        CommandSpec spec = CommandSpecs.find(words).orElseThrow(() -> {
            List<String> sub = CommandSpecs.group(words.get(0));
            return new UsageException(sub.isEmpty() ? "unknown command '" + words.get(0) + "'"
                    : words.get(0) + " needs a sub-command: " + String.join(" | ", sub));
        });
        for (String[] o : raw) {
            String name = o[0];
            if (spec.flags().contains(name) || name.equals("help")) {
                if (o[1] != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                options.put(name, "true");
                if (o[2] != null) {
                    // the word after a flag is a positional argument after all
                    positional.add(Math.min(Integer.parseInt(o[3]), positional.size()), o[2]);
                }
            } else if (spec.options().contains(name)) {
                String value = o[1] != null ? o[1] : o[2];
                if (value == null) {
                    throw new UsageException("--" + name + " needs a value");
                }
                options.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name + " for " + spec.name());
            }
        }
        List<String> arguments = positional.subList(spec.name().split(" ").length, positional.size());
        if (!options.containsKey("help")) {
            if (arguments.size() < spec.minArgs()) {
                throw new UsageException(spec.name() + " needs " + (spec.minArgs() == 1 ? "an argument" : spec.minArgs() + " arguments")
                        + ": footage " + spec.usage().trim().split("\\s{2,}")[0]);
            }
            if (arguments.size() > spec.maxArgs()) {
                throw new UsageException(spec.name() + " takes " + (spec.maxArgs() == 0 ? "no arguments" : "at most " + spec.maxArgs())
                        + ", got: " + String.join(" ", arguments.subList(spec.maxArgs(), arguments.size())));
            }
        }
        return new CommandLine(spec, List.copyOf(arguments), options, home, List.copyOf(spring));
    }

    String command() {
        return spec.name();
    }
}
