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

/** {@code footage devices damage DEVICE --at T --note TEXT --by USER}: a damage report (Art. 18); the device goes UNDER_REPAIR. */
@Command(name = "damage", description = "report a device damaged (Art. 18: within 24 h); it goes UNDER_REPAIR")
class DevicesDamageCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private DeviceRegister register;

    @Parameters(index = "0", paramLabel = "DEVICE")
    private String device;

    @Option(names = "--at", required = true, paramLabel = "T", description = "when it was reported")
    private String at;

    @Option(names = "--note", required = true, paramLabel = "TEXT", description = "what is damaged")
    private String note;

    @Option(names = "--by", required = true, paramLabel = "USER", description = "who reports it (ledgered)")
    private String by;

    @Override
    public int run(PrintStream out, PrintStream err) {
        OffsetDateTime time = DevicesCommand.time("at", at, properties.deviceZone());
        try {
            long id = register.damage(device, time, note, DevicesCommand.by(by));
            out.println("devices: damage report " + id + " on " + device + " at " + time + "; " + device + " is UNDER_REPAIR");
            return 0;
        } catch (DeviceRegister.Refused e) {
            throw new UsageException(e.getMessage());
        }
    }
}
