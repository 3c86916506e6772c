package footage.jobs.devices;

import footage.jobs.UsageException;
import footage.pipeline.time.StrictTimes;
import picocli.CommandLine.Command;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** {@code footage devices import | list | assign | damage | repaired | retire}: the device register (docs/formats.md §9). */
@Command(name = "devices", description = "the device register: import, list, assign, damage, repaired, retire",
        subcommands = {DevicesImportCommand.class, DevicesListCommand.class, DevicesAssignCommand.class,
                DevicesDamageCommand.class, DevicesRepairedCommand.class, DevicesRetireCommand.class})
public final class DevicesCommand {

    /** An option's time: ISO-8601 with offset, or a local date-time in the device zone; else exit 2 naming the option. */
    static OffsetDateTime time(String option, String value, ZoneId zone) {
        try {
            return StrictTimes.dateTime(value, zone, false);
        } catch (DateTimeException e) {
            throw new UsageException("--" + option + ": " + e.getMessage() + " (e.g. 2019-02-17T09:30:00+08:00 or 2019-02-17T09:30, "
                    + "local times in " + zone + ")");
        }
    }

    static String by(String by) {
        if (by == null || by.isBlank()) {
            throw new UsageException("--by needs a user name");
        }
        return by.strip();
    }
}
