package footage.jobs.retention;

import picocli.CommandLine.Command;

/** {@code footage retention set}: a recording's retention class (Art. 15). */
@Command(name = "retention", description = "a recording's retention class: set", subcommands = RetentionSetCommand.class)
public final class RetentionCommand {
}
