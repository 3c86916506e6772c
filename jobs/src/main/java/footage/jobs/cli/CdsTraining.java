package footage.jobs.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training run of the class-data-sharing archive (scripts/app-image.sh): the commands staff run most, one after
 * another in one JVM, on a throw-away home, so the archive holds the classes of each of them — the whole
 * application that creates the catalog, the ingest's own context and its job's run, and the read commands' contexts.
 * A single command as training left out what only the others load (about 650 classes of an ingest, BENCHMARKS.md
 * §11), and the JVM loads and verifies those from the jars on every start.
 * <p>
 * {@code java -XX:ArchiveClassesAtExit=A -cp footage.jar footage.jobs.cli.CdsTraining HOME}; exit 0 when every command
 * did, else the first command line that did not, on stderr, and 1.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining HOME (a new, empty folder)");
            System.exit(2);
        }
        // as Cli.main: before anything loads H2 or logs
        Cli.processProperties();
        String home = args[0];
        // the first ingest finds no catalog and runs in the whole application, which creates it; the rest run in
        // their own contexts, as on a home in use
        List<List<String>> commands = List.of(List.of("ingest"), List.of("ingest"), List.of("jobs", "list"),
                List.of("jobs", "show", "1"), List.of("catalog", "list"), List.of("report", "gaps"));
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (List<String> command : commands) {
            String[] line = java.util.stream.Stream.concat(java.util.stream.Stream.of("--home", home), command.stream())
                    .toArray(String[]::new);
            int code = new Cli(nowhere, System.err).run(line);
            if (code != 0) {
                System.err.println("training: footage " + String.join(" ", command) + " exited " + code);
                System.exit(1);
            }
        }
        System.exit(0);
    }
}
