package footage.jobs.report;

import picocli.CommandLine.Command;

/** {@code footage report ...}: the reports the bureau's staff read. */
@Command(name = "report", description = "reports: gaps, interruptions (Art. 11), supervision (Art. 19)",
        subcommands = {ReportGapsCommand.class, ReportInterruptionsCommand.class, ReportSupervisionCommand.class})
public final class ReportCommand {
}
