package footage.jobs.devices;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.OffsetDateTime;

/** {@code footage devices damage DEVICE --at T --note TEXT --by USER}: a damage report (Art. 18); the device goes UNDER_REPAIR. */
@Command(name = "damage", description = "report a device damaged (Art. 18: within 24 h); it goes UNDER_REPAIR")
class DevicesDamageCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private DeviceRegister register;

    @Mixin
    private DeviceChange change;

    @Option(names = "--note", required = true, paramLabel = "TEXT", description = "what is damaged")
    private String note;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, DevicesContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        OffsetDateTime time = change.at(properties.deviceZone());
        try {
            long id = register.damage(change.device, time, note, change.by());
            out.println("devices: damage report " + id + " on " + change.device + " at " + time + "; " + change.device + " is UNDER_REPAIR");
            return 0;
        } catch (DeviceRegister.Refused e) {
            throw new UsageException(e.getMessage());
        }
    }
}
