package footage.jobs.retention;

import footage.jobs.UsageException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What {@code hold set} and {@code hold lift} both take: one target, a reason and who acts. */
class HoldOptions {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (ledgered)")
    String reason;

    @Option(names = "--by", required = true, paramLabel = "USER", description = "who does it (ledgered)")
    String by;

    static class Target {

        @Option(names = "--case", paramLabel = "ID", description = "every recording of this case's activities")
        private String caseNumber;

        @Option(names = "--recording", paramLabel = "ID", description = "one recording (see footage catalog list)")
        private Long recording;
    }

    HoldTarget target() {
        if (target.caseNumber != null && target.caseNumber.isBlank()) {
            throw new UsageException("--case needs a case number");
        }
        return target.caseNumber != null ? new HoldTarget(target.caseNumber.trim(), null) : new HoldTarget(null, target.recording);
    }
}
