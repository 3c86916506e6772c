package footage.jobs.devices;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code footage devices import FILE}: all or nothing. A file that cannot be read as a register (not UTF-8, no header)
 * is a usage error (exit 2); bad lines are each named and nothing is imported (exit 1).
 */
@Command(name = "import", description = "devices and their assignments from a CSV file "
        + "(deviceId,type,model,serial,officerId,officerName,assignedFrom; UTF-8); all or nothing")
class DevicesImportCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private DeviceRegister register;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV, UTF-8 (BOM allowed)")
    private Path file;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, DevicesContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        DeviceFileReader.Result read;
        try {
            read = new DeviceFileReader(properties.deviceZone()).read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        } catch (DeviceFileReader.Unreadable e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
        if (!read.errors().isEmpty()) {
            return refused(file, read.errors(), err);
        }
        DeviceRegister.Imported r = register.importRows(read.rows(), "import:" + file.getFileName());
        if (!r.errors().isEmpty()) {
            return refused(file, r.errors(), err);
        }
        out.printf("devices: %d added, %d updated, %d unchanged, %d assignment(s) made; %d device(s) re-analysed, %d finding(s) raised%n",
                r.added(), r.updated(), r.unchanged(), r.assigned(), r.analysis().devices(), r.analysis().raised());
        return 0;
    }

    private static int refused(Path file, java.util.List<String> errors, PrintStream err) {
        errors.forEach(e -> err.println("footage: " + file.getFileName() + ": " + e));
        err.println("footage: " + errors.size() + " bad line(s) in " + file + ": nothing was imported");
        return 1;
    }
}
