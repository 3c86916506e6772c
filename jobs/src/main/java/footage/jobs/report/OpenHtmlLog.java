package footage.jobs.report;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;

/**
 * Sends openhtmltopdf's log to SLF4J. Its own logger prints every INFO line ("Prepare to fly") straight to the
 * console, which would mix with a report written to stdout; through SLF4J its chatter is debug and its problems
 * are warnings under the application's logging configuration.
 */
final class OpenHtmlLog implements XRLogger {

    private static boolean installed;

    private OpenHtmlLog() {
    }

    static synchronized void install() {
        if (!installed) {
            XRLog.setLoggerImpl(new OpenHtmlLog());
            installed = true;
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (v >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (v >= Level.INFO.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels come from the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int v = diagnostic.getLevel().intValue();
        return v >= Level.WARNING.intValue() ? logger.isWarnEnabled()
                : v >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
