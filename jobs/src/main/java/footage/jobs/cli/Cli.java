package footage.jobs.cli;

import footage.jobs.FootageApplication;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.ProbeJson;
import footage.pipeline.media.ProbeResult;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code footage} command line (DESIGN §8). Exit codes: 0 done, 1 the job failed, 2 bad usage or configuration. */
public final class Cli {

    static final String USAGE = """
            usage: footage [--home DIR] [--footage.x=y ...] COMMAND
              demo                    ingest sample-media into a fresh home, print a summary and where the results are
              ingest [--drop DIR]     run the ingest job once
              probe FILE...           media facts as JSON
              catalog list            the recordings in the catalog
              jobs list               recent job executions
              test                    run every test (handled by the ./footage launcher)
            global: --home DIR (default ./var), any Spring property as --footage.x=y or --spring.x=y""";

    private static final Set<String> OPTIONS = Set.of("drop", "limit");
    private static final Set<String> FLAGS = Set.of("help");

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, OPTIONS, FLAGS);
            validate(line);
        } catch (UsageException e) {
            err.println("footage: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (line.options().containsKey("help") || line.command().equals("help")) {
            out.println(USAGE);
            return 0;
        }
        if (line.command().equals("probe")) {
            return probe(line.arguments());
        }
        Path home = line.home();
        if (line.command().equals("demo") && home == null) {
            home = Path.of("var", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")))
                    .toAbsolutePath();
        }
        List<String> springArgs = new ArrayList<>(line.springArgs());
        if (home != null) {
            springArgs.add("--footage.home=" + home);
        }
        if (line.options().containsKey("drop")) {
            springArgs.add("--footage.drop=" + Path.of(line.options().get("drop")).toAbsolutePath().normalize());
        }
        if (line.command().equals("demo")) {
            // the sample dumps are complete copies: no need to wait for a station to finish writing
            springArgs.add("--footage.ingest.quiet-period=0s");
        }
        ConfigurableApplicationContext context;
        try {
            SpringApplication app = new SpringApplication(FootageApplication.class);
            context = app.run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println("footage: bad configuration: " + rootMessage(e));
            return 2;
        }
        try (context) {
            Commands commands = context.getBean(Commands.class);
            return switch (line.command()) {
                case "ingest" -> commands.ingest(out);
                case "demo" -> commands.demo(out, sampleMedia());
                case "catalog list" -> commands.catalogList(out);
                case "jobs list" -> commands.jobsList(out, Integer.parseInt(line.options().getOrDefault("limit", "20")));
                default -> throw new IllegalStateException("unhandled command " + line.command());
            };
        } catch (UsageException e) {
            err.println("footage: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("footage: " + line.command() + " failed: " + rootMessage(e));
            return 1;
        }
    }

    private static void validate(CommandLine line) {
        String cmd = line.command();
        if (cmd.isEmpty()) {
            throw new UsageException("no command given");
        }
        switch (cmd) {
            case "help" -> { }
            case "probe" -> {
                if (line.arguments().isEmpty()) {
                    throw new UsageException("probe needs at least one FILE");
                }
            }
            case "ingest", "demo", "catalog list", "jobs list" -> {
                if (!line.arguments().isEmpty()) {
                    throw new UsageException(cmd + " takes no arguments, got: " + String.join(" ", line.arguments()));
                }
                if (line.options().containsKey("drop") && !cmd.equals("ingest")) {
                    throw new UsageException("--drop goes with ingest only");
                }
                if (line.options().containsKey("limit")) {
                    try {
                        if (Integer.parseInt(line.options().get("limit")) < 1) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw new UsageException("--limit takes a whole number above 0");
                    }
                }
            }
            case "catalog", "jobs" -> throw new UsageException(cmd + " needs a sub-command: " + cmd + " list");
            default -> throw new UsageException("unknown command '" + cmd + "'");
        }
    }

    private int probe(List<String> files) {
        MediaProbe probe = new MediaProbe();
        List<ProbeResult> results = new ArrayList<>();
        for (String f : files) {
            results.add(probe.probe(Path.of(f)));
        }
        out.println(ProbeJson.toJson(results));
        return 0;
    }

    private static Path sampleMedia() {
        String configured = System.getenv("FOOTAGE_SAMPLE_MEDIA");
        return Path.of(configured == null || configured.isBlank() ? "sample-media" : configured).toAbsolutePath();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }
}
