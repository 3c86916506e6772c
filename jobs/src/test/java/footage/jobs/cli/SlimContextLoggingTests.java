package footage.jobs.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The logging of a command in its slim context (issue 17, point 2): logback-spring.xml's set-up, built in code. */
class SlimContextLoggingTests {

    @TempDir
    static Path tmp;

    private static Path home;

    @BeforeAll
    static void anExistingHome() throws Exception {
        home = tmp.resolve("home");
        Files.createDirectories(home.resolve("drop"));
        // the whole application migrates the catalog
        assertThat(new Cli(quiet(), quiet()).run(new String[] {"--home", home.toString(), "ingest"})).isZero();
    }

    @Test
    void aReadCommandLogsToStderrInTheConsolePatternWithoutReadingLogbackSpringXml() {
        // given a read command with a logger at DEBUG, and the process's stdout and stderr captured
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        int code;
        LoggerContext loggers;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            // when it runs in its slim context
            code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), quiet()).run(new String[] {"--home", home.toString(),
                    "jobs", "list", "--logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG"});
            loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }

        // then its log lines are on stderr in the console pattern of application.properties, none on stdout
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ID ");
        assertThat(stderr.toString(StandardCharsets.UTF_8).lines())
                .anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d DEBUG Executing prepared SQL query"));
        assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("DEBUG");
        // set up in code: Boot's own console appender (the one with a threshold filter, which the file's has not), on stderr
        assertThat(loggers.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"))
                .isInstanceOfSatisfying(ConsoleAppender.class, console -> {
                    assertThat(console.getTarget()).isEqualTo("System.err");
                    assertThat(console.getCopyOfAttachedFiltersList()).hasSize(1);
                });
        // and a name from a station that its logging quotes is written escaped, the name's second line indented
        String quoted = LogMessageConverterTests.stderr(() -> LoggerFactory.getLogger("footage.jobs.ingest.X")
                .warn("ingest: dump {} not finished", LogMessageConverterTests.HOSTILE));
        LogMessageConverterTests.assertSafe(quoted, "\\d\\d:\\d\\d:\\d\\d WARN  ingest: dump night");
        // and the choice of logging system was for that run only
        assertThat(System.getProperty(LoggingSystem.SYSTEM_PROPERTY)).isNull();
    }

    @Test
    void theWholeApplicationStillReadsLogbackSpringXml() {
        // given a command on a new home, whose catalog only the whole application's migrations create
        // when it runs (a refused explain id: the whole application starts, then the command exits 2)
        int code = new Cli(quiet(), quiet()).run(new String[] {"--home", tmp.resolve("new-home").toString(), "explain", "NO-SUCH", "--reason",
                "WEATHER", "--note", "n", "--by", "b"});

        // then logback was configured from the file: its console appender, on stderr, without a filter
        assertThat(code).isEqualTo(2);
        LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(loggers.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"))
                .isInstanceOfSatisfying(ConsoleAppender.class, console -> {
                    assertThat(console.getTarget()).isEqualTo("System.err");
                    assertThat(console.getCopyOfAttachedFiltersList()).isEmpty();
                });
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
