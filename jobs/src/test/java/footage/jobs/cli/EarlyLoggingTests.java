package footage.jobs.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Logback's set-up in a footage process until Spring Boot's (issue 17, point 2). */
class EarlyLoggingTests {

    @AfterEach
    void clearProperty() {
        System.clearProperty(EarlyLogging.ACTIVE);
    }

    @Test
    void logbackFindsItAsAServiceAndAFootageProcessLogsWarningsToStderrWithoutLookingForFiles() {
        // given a footage process's properties and a new logger context
        Cli.processProperties();
        LoggerContext context = new LoggerContext();
        Configurator configurator = ServiceLoader.load(Configurator.class).stream()
                .filter(p -> p.type() == EarlyLogging.class).findFirst().orElseThrow().get();
        configurator.setContext(context);

        // when logback asks it
        Configurator.ExecutionStatus status = configurator.configure(context);

        // then it is the whole set-up: warnings and errors on stderr, no other configurator (files, stdout) after it
        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("CONSOLE")).isInstanceOfSatisfying(ConsoleAppender.class,
                console -> assertThat(console.getTarget()).isEqualTo("System.err"));
    }

    @Test
    void elsewhereLogbackGoesOnAsWithoutIt() {
        // given a JVM that is not a footage process (a test that starts no application)
        LoggerContext context = new LoggerContext();
        EarlyLogging configurator = new EarlyLogging();
        configurator.setContext(context);

        // when logback asks it
        Configurator.ExecutionStatus status = configurator.configure(context);

        // then it leaves the set-up to logback's own configurators
        assertThat(status).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }
}
