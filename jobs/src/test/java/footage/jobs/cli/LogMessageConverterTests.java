package footage.jobs.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name from a station quoted in a log line cannot forge a line of its own or drive the terminal, whichever set-up
 * the process logs with: before Boot's ({@link EarlyLogging}) and the whole application's ({@code logback-spring.xml});
 * a command's slim context is in {@link SlimContextLoggingTests}.
 */
class LogMessageConverterTests {

    /** A dump folder's name as an insider could write it: a newline, then what looks like a line of the log. */
    static final String HOSTILE = "night\n12:00:00 INFO  ingest: dump forged finished, moved to .done/1_forged\u001B[2J\u202Egnp.mp4";

    @AfterEach
    void clearProperty() {
        System.clearProperty(EarlyLogging.ACTIVE);
    }

    @Test
    void beforeBootTheEarlySetUpWritesTheNameEscapedAndItsSecondLineIndented() {
        // given a footage process's first logging
        Cli.processProperties();
        LoggerContext context = newContext();
        EarlyLogging early = new EarlyLogging();
        early.setContext(context);
        early.configure(context);
        context.start();

        // when a warning quotes the name
        String stderr = stderr(() -> context.getLogger("footage.jobs.ingest.X").warn("ingest: dump {} not finished", HOSTILE));

        // then
        assertSafe(stderr, "\\d\\d:\\d\\d:\\d\\d WARN  ingest: dump night");
    }

    @Test
    void theWholeApplicationsLogbackSpringXmlWritesTheNameEscapedAndItsSecondLineIndented() throws Exception {
        // given logback configured from the application's file
        LoggerContext context = newContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(LogMessageConverterTests.class.getResource("/logback-spring.xml"));
        context.start();

        // when a line quotes the name
        String stderr = stderr(() -> context.getLogger("footage.jobs.ingest.X").info("ingest: dump {} finished", HOSTILE));

        // then
        // (Boot's pattern, or application.properties' when a Spring test of this JVM has set it as a system property)
        assertSafe(stderr, ".*\\bINFO\\b.*ingest: dump night");
    }

    @Test
    void aMessageWithoutHiddenCharactersIsWrittenAsItIs() {
        assertThat(LogMessageConverter.safe("ingest: dump 巡逻_0217 finished, moved to .done/7_巡逻_0217 (100 %)"))
                .isEqualTo("ingest: dump 巡逻_0217 finished, moved to .done/7_巡逻_0217 (100 %)");
        assertThat(LogMessageConverter.safe("a\r\nb\u2028c")).isEqualTo("a\\u000D\n\tb\\u2028c");
    }

    private static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        // what logback's SLF4J provider gives the context it makes
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    /** The entry's first line as {@code firstLine} says, the name's second line indented, nothing hidden left. */
    static void assertSafe(String stderr, String firstLine) {
        List<String> lines = stderr.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches(firstLine);
        assertThat(lines.get(1)).startsWith("\t12:00:00 INFO  ingest: dump forged finished").contains("\\u001B[2J\\u202Egnp.mp4 ");
        assertThat(stderr).doesNotContain("\u001B", "\u202E");
    }

    static String stderr(Runnable logging) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream systemErr = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(systemErr);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
