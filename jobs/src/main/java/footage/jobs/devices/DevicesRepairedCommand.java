package footage.jobs.devices;

import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.OffsetDateTime;

/** {@code footage devices repaired DEVICE --at T --by USER}: the device is IN_SERVICE from then on. */
@Command(name = "repaired", description = "back in service after repair")
class DevicesRepairedCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private DeviceRegister register;

    @Parameters(index = "0", paramLabel = "DEVICE")
    private String device;

    @Option(names = "--at", required = true, paramLabel = "T", description = "from when")
    private String at;

    @Option(names = "--by", required = true, paramLabel = "USER", description = "who does it (ledgered)")
    private String by;

    @Override
    public int run(PrintStream out, PrintStream err) {
        OffsetDateTime time = DevicesCommand.time("at", at, properties.deviceZone());
        try {
            register.repaired(device, time, DevicesCommand.by(by));
            out.println("devices: " + device + " is IN_SERVICE since " + time);
            return 0;
        } catch (DeviceRegister.Refused e) {
            throw new UsageException(e.getMessage());
        }
    }
}
