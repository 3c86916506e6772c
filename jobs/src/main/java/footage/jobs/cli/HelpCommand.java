package footage.jobs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** {@code footage help [COMMAND [SUB-COMMAND]]}: the usage of the whole command line or of one command. */
@Command(name = "help", description = "how to use footage, or one command: footage help hold set")
final class HelpCommand {

    @Parameters(paramLabel = "COMMAND", arity = "0..2", description = "a command, with its sub-command if it has them")
    private List<String> words = new ArrayList<>();

    int show(CommandLine root, PrintStream out, PrintStream err) {
        CommandLine target = root;
        for (String word : words) {
            target = target.getSubcommands().get(word);
            if (target == null) {
                err.println("footage: unknown command '" + String.join(" ", words) + "' (see 'footage help')");
                return 2;
            }
        }
        target.usage(out);
        return 0;
    }
}
