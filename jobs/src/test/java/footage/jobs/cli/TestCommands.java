package footage.jobs.cli;

import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs a command line in a test's application context, as the {@code footage} executable would. */
public final class TestCommands {

    private TestCommands() {
    }

    /** {@code name} is one or two words ("hold set"); an option whose value is "" or "true" is given as a flag. */
    public static int run(ApplicationContext context, String name, List<String> arguments, Map<String, String> options,
                          PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
        words.addAll(arguments);
        options.forEach((option, value) -> {
            words.add("--" + option);
            if (!value.isEmpty() && !value.equals("true")) {
                words.add(value);
            }
        });
        return Cli.run(context, out, err, words.toArray(String[]::new));
    }
}
