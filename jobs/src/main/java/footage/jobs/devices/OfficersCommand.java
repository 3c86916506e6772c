package footage.jobs.devices;

import picocli.CommandLine.Command;

/** {@code footage officers import FILE}: who belongs to which unit, for the supervision report (Art. 19). */
@Command(name = "officers", description = "officers and their units: import", subcommands = OfficersImportCommand.class)
public final class OfficersCommand {
}
