package footage.jobs.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import footage.pipeline.text.DisplayText;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The message of every log line a {@code footage} process writes ({@code %m}, {@code %msg}, {@code %message}), safe
 * to read: a log line quotes names that came from a station (dump folders, file names, manifest fields), and a
 * newline in such a name would start a line of its own that looks like the process's — a forged "finished" line in
 * the log evidence staff read — while an ESC or a U+202E would drive the terminal or turn the text around. Control and
 * bidirectional-formatting characters are written as visible escapes ({@link DisplayText}); a line feed, which
 * Spring's own multi-line reports use, is kept but the line after it is indented with a tab, as a stack trace's
 * are, so no message can begin a line at the margin where every entry's time stands.
 */
public final class LogMessageConverter extends MessageConverter {

    private static final String[] WORDS = {"m", "msg", "message"};

    @Override
    public String convert(ILoggingEvent event) {
        return safe(event.getFormattedMessage());
    }

    static String safe(String message) {
        if (message == null) {
            return null;
        }
        return DisplayText.escapeControls(message, true).replace("\r", "\\u000D").replace("\n", "\n\t");
    }

    /**
     * Makes this the converter of the message in the patterns that encoders of {@code context} start from now on
     * (what {@code <conversionRule>} does in {@code logback-spring.xml}).
     */
    static void register(Context context) {
        @SuppressWarnings("unchecked")
        Map<String, Supplier<DynamicConverter<?>>> rules =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        }
        for (String word : WORDS) {
            rules.put(word, LogMessageConverter::new);
        }
    }
}
