package footage.jobs.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's set-up in a {@code footage} process before Spring Boot sets up its own (a few milliseconds later, when the
 * application starts): warnings and errors on stderr. Without it logback looks for its configuration files on each
 * of the 160 jars of the class path, finds none and logs DEBUG to stdout — about 3 % of a read command's start-up
 * (BENCHMARKS.md §11, Step 4). Active only where {@link Cli#processProperties()} ran, so tests that start no
 * application keep logback's own defaults.
 */
public final class EarlyLogging extends ContextAwareBase implements Configurator {

    /** Set by {@link Cli#processProperties()}. */
    static final String ACTIVE = "footage.cli";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ACTIVE) == null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogMessageConverter.register(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss} %-5level %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
