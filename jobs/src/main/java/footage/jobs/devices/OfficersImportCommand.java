package footage.jobs.devices;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code footage officers import FILE}: all or nothing, every bad line named (exit 1), an unreadable file exit 2. */
@Command(name = "import", description = "officers and their units from a CSV file (officerId,officerName,unit; UTF-8); all or nothing")
class OfficersImportCommand implements FootageCommand {

    @Autowired
    private Officers officers;

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
        OfficerFileReader.Result read;
        try {
            read = new OfficerFileReader().read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        } catch (DeviceFileReader.Unreadable e) {
            throw new UsageException(file + ": " + e.getMessage());
        }
        if (!read.errors().isEmpty()) {
            read.errors().forEach(e -> err.println("footage: " + file.getFileName() + ": " + e));
            err.println("footage: " + read.errors().size() + " bad line(s) in " + file + ": nothing was imported");
            return 1;
        }
        Officers.Imported r = officers.importRows(read.rows(), "import:" + file.getFileName());
        out.printf("officers: %d added, %d updated, %d unchanged%n", r.added(), r.updated(), r.unchanged());
        return 0;
    }
}
