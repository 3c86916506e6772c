package footage.jobs.cli;

import footage.jobs.FootageCommand;
import picocli.CommandLine.Command;

import java.io.PrintStream;

/** {@code footage test} is the launcher's (it calls Maven); listed so the usage names it, refused by the jar. */
@Command(name = "test", description = "run every test (handled by the ./footage launcher)")
final class TestCommand implements FootageCommand {

    @Override
    public int run(PrintStream out, PrintStream err) {
        err.println("footage: 'test' is run by the ./footage launcher (it calls Maven), not by the jar");
        return 2;
    }

    @Override
    public boolean needsContext() {
        return false;
    }
}
