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

/** The {@code footage} command line (DESIGN §8). Exit codes: 0 done, 1 the job failed, 2 bad usage or configuration. */
public final class Cli {

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        if (args.length == 1 && (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(CommandSpecs.usage());
            return 0;
        }
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println("footage: " + e.getMessage());
            err.println(CommandSpecs.usage());
            return 2;
        }
        if (line.options().containsKey("help")) {
            out.println("usage: footage " + line.spec().usage());
            return 0;
        }
        switch (line.command()) {
            case "probe" -> {
                return probe(line.arguments());
            }
            case "test" -> {
                err.println("footage: 'test' is run by the ./footage launcher (it calls Maven), not by the jar");
                return 2;
            }
            default -> {
                return inContext(line);
            }
        }
    }

    private int inContext(CommandLine line) {
        Path home = line.home();
        if (line.command().equals("demo") && home == null) {
            home = Path.of("var", "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")))
                    .toAbsolutePath();
        }
        List<String> springArgs = new ArrayList<>(line.springArgs());
        if (home != null) {
            springArgs.add("--footage.home=" + home);
        }
        if (line.command().equals("ingest") && line.options().containsKey("drop")) {
            springArgs.add("--footage.drop=" + Path.of(line.options().get("drop")).toAbsolutePath().normalize());
        }
        if (line.command().equals("serve")) {
            springArgs.add(0, "--spring.main.web-application-type=servlet");
            if (line.options().containsKey("role")) {
                String role = line.options().get("role");
                if (!List.of("all", "manager", "worker").contains(role)) {
                    err.println("footage: --role must be all, manager or worker, not '" + role + "'");
                    err.println("usage: footage " + line.spec().usage());
                    return 2;
                }
                springArgs.add("--footage.role=" + role);
            }
        }
        if (!line.command().equals("serve") && springArgs.stream().noneMatch(a -> a.startsWith("--logging.level.org.springframework.boot.SpringApplication="))) {
            // a command that cannot start says why in one line (below); Spring's own report of it is a stack of wrappers.
            // Giving --logging.level.org.springframework.boot.SpringApplication=ERROR shows it again.
            springArgs.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
            springArgs.add("--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR");
        }
        if (line.command().equals("demo")) {
            // the sample dumps are complete copies: no need to wait for a station to finish writing
            springArgs.add("--footage.ingest.quiet-period=0s");
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(FootageApplication.class).run(springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            String why = rootMessage(e);
            if (why.contains("The file is locked") || why.contains("Database may be already in use")) {
                // the embedded catalog opens in one process at a time: say so, not "bad configuration"
                err.println("footage: the embedded catalog (H2, under " + (home == null ? "./var" : home) + "/db) is in use by "
                        + "another footage process on this home (an ingest, serve or another command): wait for it to end");
                return 2;
            }
            err.println("footage: bad configuration: " + why);
            return 2;
        }
        SignalShutdown.install(context);
        try (context) {
            CommandHandler handler = context.getBeansOfType(CommandHandler.class).values().stream()
                    .filter(h -> h.command().equals(line.command())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no handler for " + line.command()));
            int code = handler.run(new CommandHandler.Invocation(line.arguments(), line.options()), out, err);
            // stopped by a signal: the command's own result (a STOPPED run is 1) is not what the shell asked about
            return SignalShutdown.exitCode() != 0 ? SignalShutdown.exitCode() : code;
        } catch (UsageException e) {
            err.println("footage: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("footage: " + line.command() + " failed: " + rootMessage(e));
            return 1;
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

    /** The innermost cause's first line: what went wrong, without the stack of wrappers. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }
}
