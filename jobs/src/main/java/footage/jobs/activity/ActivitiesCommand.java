package footage.jobs.activity;

import picocli.CommandLine.Command;

/** {@code footage activities import FILE}: the enforcement activities the recordings are checked against. */
@Command(name = "activities", description = "enforcement activities: import", subcommands = ActivitiesImportCommand.class)
public final class ActivitiesCommand {
}
