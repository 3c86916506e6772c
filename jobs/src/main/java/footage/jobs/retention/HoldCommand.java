package footage.jobs.retention;

import picocli.CommandLine.Command;

/** {@code footage hold set|lift}: holds keep recordings from the sweep whatever their class (Art. 15). */
@Command(name = "hold", description = "holds on a case or recording: set, lift", subcommands = {HoldSetCommand.class, HoldLiftCommand.class})
public final class HoldCommand {
}
