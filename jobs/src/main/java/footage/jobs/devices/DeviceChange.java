package footage.jobs.devices;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** What {@code devices damage|repaired|retire} all take: the device, when, and who. */
class DeviceChange {

    @Parameters(index = "0", paramLabel = "DEVICE")
    String device;

    @Option(names = "--at", required = true, paramLabel = "T", description = "when (device-local time or with an offset)")
    private String at;

    @Option(names = "--by", required = true, paramLabel = "USER", description = "who does it (ledgered)")
    private String by;

    OffsetDateTime at(ZoneId zone) {
        return DevicesCommand.time("at", at, zone);
    }

    String by() {
        return DevicesCommand.by(by);
    }
}
