package footage.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: command words, the command's own options, and the global ones ({@code --home DIR} and any
 * Spring property as {@code --footage.x=y}, {@code --spring.x=y}, {@code --logging.x=y}).
 */
record CommandLine(List<String> words, Map<String, String> options, Path home, List<String> springArgs) {

    private static final Set<String> PROPERTY_PREFIXES = Set.of("footage.", "spring.", "logging.", "server.", "management.");

    static CommandLine parse(String[] args, Set<String> optionsWithValue, Set<String> flags) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
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
                continue;
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                options.put(name, "true");
                continue;
            }
            if (!name.equals("home") && !optionsWithValue.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (name.equals("home")) {
                home = Path.of(value).toAbsolutePath().normalize();
            } else {
                options.put(name, value);
            }
        }
        return new CommandLine(List.copyOf(words), options, home, List.copyOf(spring));
    }

    String command() {
        return words.isEmpty() ? "" : String.join(" ", words.subList(0, Math.min(words.size(), isTwoWord() ? 2 : 1)));
    }

    List<String> arguments() {
        int skip = isTwoWord() ? 2 : 1;
        return words.size() <= skip ? List.of() : words.subList(skip, words.size());
    }

    private boolean isTwoWord() {
        return !words.isEmpty() && Set.of("catalog", "jobs").contains(words.get(0));
    }
}
