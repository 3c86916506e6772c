package footage.jobs.report;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

import java.util.Locale;

/**
 * The words of a report in one language, from the console's message bundles (messages*.properties): zh-CN for the
 * bureau's staff by default, en on request. Codes the reader does not know as words (a finding kind nobody named
 * yet) stay as they are.
 */
final class ReportLanguage {

    private final MessageSource messages;
    private final Locale locale;

    ReportLanguage(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale);
    }

    /** A finding kind (or RECORDING) as words; the code itself when no word is known. */
    String kind(String code) {
        return orCode("report.kind.", code);
    }

    /** VIDEO, AUDIO, PHOTO as words. */
    String recordingKind(String code) {
        return orCode("report.recordingKind.", code);
    }

    /** The words for {@code prefix + code}, else the code itself. */
    String orCode(String prefix, String code) {
        if (code == null) {
            return "";
        }
        try {
            return messages.getMessage(prefix + code, null, locale);
        } catch (NoSuchMessageException e) {
            return code;
        }
    }
}
