package footage.jobs.cli;

import footage.jobs.SlimContextRefused;
import footage.jobs.FootageApplication;
import footage.jobs.Failures;
import footage.jobs.FootageCommand;
import footage.jobs.console.ConsoleRolesContext;
import footage.jobs.fixity.FixityContext;
import footage.jobs.ingest.IngestContext;
import footage.jobs.report.ReportJobsContext;
import footage.jobs.retention.SweepContext;
import footage.jobs.transcode.TranscodeContext;
import footage.jobs.UsageException;
import footage.pipeline.media.Ffmpeg;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code footage} command line (docs/architecture.md §6) on picocli. Exit codes (docs/formats.md §14): 0 done,
 * 1 the job failed, 2 bad usage or configuration. The options of the command are parsed before anything starts, so a
 * usage error or a help request costs no application context; global options ({@code --home DIR}, any Spring
 * property as {@code --footage.x=y}) may stand anywhere and go to the context.
 */
public final class Cli {

    private static final String COMMONS_LOGGING_FACTORY = "org.apache.commons.logging.LogFactory";
    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
    private static final String BACKGROUND_PREINITIALIZER = "BackgroundPreinitializingApplicationListener";

    private static final Set<String> PROPERTY_PREFIXES = Set.of("footage.", "spring.", "logging.", "server.", "management.");

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        processProperties();
        System.exit(new Cli(System.out, System.err).run(args));
    }

    /** System properties of a {@code footage} process, set before anything reads them (also by {@link CdsTraining}). */
    static void processProperties() {
        // the embedded catalog's mixed-mode server (AUTO_SERVER) is for the processes on this machine only; read by H2
        // once, when its classes load, so before anything touches the database
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        // what commons-logging's discovery picks on this class path anyway (log4j-api is routed to SLF4J); the
        // discovery itself (a service look-up and log4j-api's start-up) was ~4 % of a read command's main-thread
        // samples (BENCHMARKS.md §11, Step 4)
        if (System.getProperty(COMMONS_LOGGING_FACTORY) == null) {
            System.setProperty(COMMONS_LOGGING_FACTORY, "org.apache.commons.logging.impl.Slf4jLogFactory");
        }
        System.setProperty(EarlyLogging.ACTIVE, "true");
    }

    public int run(String[] args) {
        Globals globals;
        try {
            globals = Globals.split(args);
        } catch (UsageException e) {
            err.println("footage: " + e.getMessage());
            return 2;
        }
        Commands.Parsed parsed = Commands.parse(globals.commandArgs(), out, err);
        if (parsed.command() == null) {
            return parsed.exitCode();
        }
        return parsed.command().needsContext() ? inContext(parsed, globals) : runChecked(parsed);
    }

    /**
     * Runs a command line in a context that is already up (tests, and anything that embeds the commands): the same
     * parsing, help and exit codes as the {@code footage} executable.
     */
    public static int run(ApplicationContext context, PrintStream out, PrintStream err, String... args) {
        Commands.Parsed parsed = Commands.parse(args, out, err);
        if (parsed.command() == null) {
            return parsed.exitCode();
        }
        context.getAutowireCapableBeanFactory().autowireBean(parsed.command());
        return new Cli(out, err).runChecked(parsed);
    }

    private int inContext(Commands.Parsed parsed, Globals globals) {
        List<String> springArgs = new ArrayList<>(globals.springArgs());
        if (globals.home() != null) {
            springArgs.add("--footage.home=" + globals.home());
        }
        springArgs.addAll(parsed.command().contextProperties(globals.home() != null));
        OptionalInt elsewhere = parsed.command().runElsewhere(List.copyOf(springArgs), out, err);
        if (elsewhere.isPresent()) {
            return elsewhere.getAsInt();
        }
        if (parsed.command().readsMedia()) {
            Ffmpeg.loadInBackground();
        }
        parsed.command().beforeContext(List.copyOf(springArgs));
        boolean serve = springArgs.contains("--spring.main.web-application-type=servlet");
        if (!serve && springArgs.stream().noneMatch(a -> a.startsWith("--logging.level.org.springframework.boot.SpringApplication="))) {
            // a command that cannot start says why in one line (below); Spring's own report of it is a stack of wrappers.
            // Giving --logging.level.org.springframework.boot.SpringApplication=ERROR shows it again.
            springArgs.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
            springArgs.add("--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR");
        }
        ConfigurableApplicationContext context;
        try {
            context = start(slimContext(parsed.command()), springArgs.toArray(String[]::new));
        } catch (RuntimeException e) {
            String why = Failures.rootMessage(e);
            if (why.contains("The file is locked") || why.contains("Database may be already in use")
                    || why.contains("Lock file recently modified") || why.contains("Locked by another process")) {
                // the embedded catalog opens in one process at a time: say so, not "bad configuration"
                err.println("footage: the embedded catalog (H2, under " + (globals.home() == null ? "./var" : globals.home())
                        + "/db) is in use by another footage process on this home (an ingest, serve or another command): wait for it to end");
                return 2;
            }
            if (cannotConnect(e)) {
                // not a property that is wrong, as far as anyone can tell from here: the server, the network, the name or the file
                err.println("footage: the catalog database (spring.datasource.url) cannot be opened: " + why);
                return 2;
            }
            err.println("footage: bad configuration: " + why);
            return 2;
        }
        SignalShutdown.install(context);
        try (context) {
            context.getAutowireCapableBeanFactory().autowireBean(parsed.command());
            int code = runChecked(parsed);
            // stopped by a signal: the command's own result (a STOPPED run is 1) is not what the shell asked about
            return SignalShutdown.exitCode() != 0 ? SignalShutdown.exitCode() : code;
        }
    }

    /** Whether a start failed for want of a connection to the catalog (Spring wraps every such failure alike). */
    static boolean cannotConnect(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The classes of the command's slim context ({@link FootageCommand#catalogContext()}) with what the entry point adds
     * to them (the console's users for a command that asks for an administrator, every job for one that may restart
     * any); empty for the whole application.
     */
    public static List<Class<?>> slimContext(FootageCommand command) {
        List<Class<?>> classes = new ArrayList<>(command.catalogContext());
        if (!classes.isEmpty() && command.asksAdministrators()) {
            classes.add(ConsoleRolesContext.class);
        }
        if (!classes.isEmpty() && command.restartsAnyJob()) {
            // every job a one-shot command runs; the console's request export runs in serve only
            classes.addAll(List.of(IngestContext.class, FixityContext.class, TranscodeContext.class, SweepContext.class,
                    ReportJobsContext.class));
        }
        return classes;
    }

    /**
     * The command's own slim context when it has one and the catalog is up to date (a fraction of the whole
     * application's start-up), else the whole application, which also creates or migrates the catalog.
     */
    private static ConfigurableApplicationContext start(List<Class<?>> slim, String[] springArgs) {
        if (!slim.isEmpty()) {
            try {
                return startSlim(slim, springArgs);
            } catch (RuntimeException e) {
                if (!slimRefused(e)) {
                    throw e;
                }
            }
        }
        return new SpringApplication(FootageApplication.class).run(springArgs);
    }

    /**
     * A slim context starts without Boot's background pre-initialiser, whose thread warms up Tomcat, Jackson's and
     * the web's message converters and the validator for a context that has none of them, on the core the command
     * needs (BENCHMARKS.md §11, Step 4), and with its logging set up in code ({@link SlimContextLogging}).
     */
    private static ConfigurableApplicationContext startSlim(List<Class<?>> slim, String[] springArgs) {
        SpringApplication application = new SpringApplication(slim.toArray(Class<?>[]::new));
        application.setListeners(application.getListeners().stream()
                .filter(l -> !l.getClass().getSimpleName().equals(BACKGROUND_PREINITIALIZER)).toList());
        // read once, when the run starts; set for this run only (tests start many contexts in one JVM)
        String given = System.getProperty(LOGGING_SYSTEM);
        if (given == null) {
            System.setProperty(LOGGING_SYSTEM, SlimContextLogging.class.getName());
        }
        try {
            return application.run(springArgs);
        } finally {
            if (given == null) {
                System.clearProperty(LOGGING_SYSTEM);
            }
        }
    }

    private static boolean slimRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SlimContextRefused) {
                return true;
            }
        }
        return false;
    }

    private int runChecked(Commands.Parsed parsed) {
        try {
            return parsed.command().run(out, err);
        } catch (UsageException e) {
            err.println("footage: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("footage: " + parsed.name() + " failed: " + Failures.rootMessage(e));
            return 1;
        }
    }

    /** The options every command takes, wherever they stand, and the command's own words. */
    record Globals(Path home, List<String> springArgs, String[] commandArgs) {

        static Globals split(String[] args) {
            List<String> rest = new ArrayList<>();
            List<String> spring = new ArrayList<>();
            Path home = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String name = a.startsWith("--") ? a.substring(2) : "";
                int eq = name.indexOf('=');
                String key = eq >= 0 ? name.substring(0, eq) : name;
                if (PROPERTY_PREFIXES.stream().anyMatch(key::startsWith)) {
                    if (eq < 0) {
                        throw new UsageException("--" + key + " needs a value: --" + key + "=VALUE");
                    }
                    spring.add(a);
                } else if (key.equals("home")) {
                    String value = eq >= 0 ? name.substring(eq + 1) : null;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException("--home needs a value");
                        }
                        value = args[++i];
                    }
                    home = Path.of(value).toAbsolutePath().normalize();
                } else {
                    rest.add(a);
                }
            }
            return new Globals(home, List.copyOf(spring), rest.toArray(String[]::new));
        }
    }
}
