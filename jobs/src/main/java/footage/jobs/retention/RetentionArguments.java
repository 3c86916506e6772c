package footage.jobs.retention;

import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;

import java.util.Arrays;
import java.util.Locale;

/** Command-line values of the retention commands, with one-line reasons when they are wrong (exit 2). */
final class RetentionArguments {

    private RetentionArguments() {
    }

    static long recordingId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("a recording id is a number (see 'footage catalog list'), not '" + text + "'");
        }
    }

    /** {@code --case ID} or {@code --recording ID}, exactly one. */
    static HoldTarget holdTarget(String command, CommandHandler.Invocation invocation) {
        String caseNumber = invocation.option("case");
        String recording = invocation.option("recording");
        if ((caseNumber == null) == (recording == null)) {
            throw new UsageException(command + " needs exactly one of --case ID and --recording ID");
        }
        if (caseNumber != null && caseNumber.isBlank()) {
            throw new UsageException("--case needs a case number");
        }
        return caseNumber != null ? new HoldTarget(caseNumber.trim(), null) : new HoldTarget(null, recordingId(recording));
    }

    static RetentionClass retentionClass(String text) {
        try {
            return RetentionClass.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--class is one of " + Arrays.toString(RetentionClass.values()) + ", not '" + text + "'");
        }
    }
}
