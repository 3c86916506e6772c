package footage.jobs.devices;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.OffsetDateTime;

/** {@code footage devices assign DEVICE --officer ID [--name N] --from T --by USER} (Art. 3). */
@Command(name = "assign", description = "issue a device to an officer from a time on (closes the current assignment)")
class DevicesAssignCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private DeviceRegister register;

    @Parameters(index = "0", paramLabel = "DEVICE")
    private String device;

    @Option(names = "--officer", required = true, paramLabel = "ID")
    private String officer;

    @Option(names = "--name", paramLabel = "N", description = "the officer's name")
    private String name;

    @Option(names = "--from", required = true, paramLabel = "T", description = "e.g. 2019-02-17T08:00:00+08:00")
    private String from;

    @Option(names = "--by", required = true, paramLabel = "USER", description = "who does it (ledgered)")
    private String by;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, DevicesContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        OffsetDateTime at = DevicesCommand.time("from", from, properties.deviceZone());
        if (officer.isBlank()) {
            throw new UsageException("--officer needs an officer id");
        }
        try {
            boolean done = register.assign(device, officer.strip(), name == null || name.isBlank() ? null : name.strip(), at,
                    DevicesCommand.by(by));
            out.println(done ? "devices: " + device + " assigned to " + officer.strip() + " from " + at
                    : "devices: " + device + " is already assigned to " + officer.strip() + "; nothing changed");
            return 0;
        } catch (DeviceRegister.Refused e) {
            throw new UsageException(e.getMessage());
        }
    }
}
