package footage.jobs.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;

/**
 * The logging of a command in its slim context: what {@code logback-spring.xml} sets up — Boot's defaults with the
 * console on stderr, where it cannot corrupt a report or JSON on stdout — but built in code. Reading that file
 * through logback's XML configurator (a SAX parser and its model handlers, loaded and run once per command) was about
 * a tenth of a read command's start-up (BENCHMARKS.md §11, Step 4). The whole application ({@code serve}, and any
 * command on a catalog that needs migrating) still reads the file.
 * <p>
 * Like the file, it writes each message through {@link LogMessageConverter}, writes no log file ({@code logging.file.*}
 * is ignored) and leaves {@code logging.config} and a {@code logback.xml} on the class path in charge when there is one.
 */
class SlimContextLogging extends LogbackLoggingSystem {

    SlimContextLogging(ClassLoader classLoader) {
        super(classLoader);
    }

    /** No {@code logback-spring.xml}: Boot then calls {@link #loadDefaults}. */
    @Override
    protected String[] getSpringConfigLocations() {
        return new String[0];
    }

    @Override
    protected void loadDefaults(LoggingInitializationContext initializationContext, LogFile logFile) {
        super.loadDefaults(initializationContext, null);
        LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> console = loggers.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        if (console instanceof ConsoleAppender<ILoggingEvent> appender) {
            appender.stop();
            appender.setTarget("System.err");
            if (appender.getEncoder() instanceof PatternLayoutEncoder defaults) {
                // Boot's pattern, its message written by the converter logback-spring.xml names
                LogMessageConverter.register(loggers);
                PatternLayoutEncoder encoder = new PatternLayoutEncoder();
                encoder.setContext(loggers);
                encoder.setPattern(defaults.getPattern());
                encoder.setCharset(defaults.getCharset());
                encoder.start();
                defaults.stop();
                appender.setEncoder(encoder);
            }
            appender.start();
        }
    }
}
