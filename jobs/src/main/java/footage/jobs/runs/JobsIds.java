package footage.jobs.runs;

import footage.jobs.cli.CommandHandler;
import footage.jobs.cli.UsageException;

final class JobsIds {

    private JobsIds() {
    }

    static long parse(CommandHandler.Invocation invocation) {
        String raw = invocation.arguments().get(0);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new UsageException("an execution id is a number, got '" + raw + "' (see footage jobs list)");
        }
    }
}
