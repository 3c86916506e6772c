package footage.jobs.devices;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.pipeline.text.DisplayText;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;

import java.io.PrintStream;

/** {@code footage devices list}: every registered device, its status and the officer it is assigned to now. */
@Command(name = "list", description = "the registered devices, their status and current officer")
class DevicesListCommand implements FootageCommand {

    @Autowired
    private DeviceRegister register;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, DevicesContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        var all = register.list();
        if (all.isEmpty()) {
            out.println("devices: the register is empty (footage devices import FILE)");
            return 0;
        }
        out.println("deviceId\ttype\tmodel\tserial\tstatus\tofficerId\tofficerName\tassignedFrom");
        for (Devices.Device d : all) {
            var a = register.currentAssignment(d.id());
            out.println(String.join("\t", d.id(), d.type().name(), blank(d.model()), blank(d.serial()), d.status().name(),
                    a.map(DeviceAssignments.Assignment::officerId).orElse("-"),
                    a.map(x -> blank(x.officerName())).orElse("-"),
                    a.map(x -> x.from().toInstant().toString()).orElse("-")));
        }
        return 0;
    }

    private static String blank(String s) {
        return s == null ? "-" : DisplayText.escapeControls(s);
    }
}
