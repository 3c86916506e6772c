package footage.jobs.runs;

import picocli.CommandLine.Command;

/** {@code footage jobs ...}: the job executions, as the console's Executions page shows them. */
@Command(name = "jobs", description = "job executions: list, show, restart, stop, abandon",
        subcommands = {JobsListCommand.class, JobsShowCommand.class, JobsRestartCommand.class, JobsStopCommand.class,
                JobsAbandonCommand.class})
public final class JobsCommand {
}
