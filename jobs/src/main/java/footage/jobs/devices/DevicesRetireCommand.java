package footage.jobs.devices;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.time.OffsetDateTime;

/** {@code footage devices retire DEVICE --at T --by USER}: the device is RETIRED from then on. */
@Command(name = "retire", description = "retire a device for good (later recordings are RETIRED_DEVICE_USED)")
class DevicesRetireCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private DeviceRegister register;

    @Mixin
    private DeviceChange change;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, DevicesContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        OffsetDateTime time = change.at(properties.deviceZone());
        try {
            register.retire(change.device, time, change.by());
            out.println("devices: " + change.device + " is RETIRED since " + time);
            return 0;
        } catch (DeviceRegister.Refused e) {
            throw new UsageException(e.getMessage());
        }
    }
}
