package footage.jobs.activity;

import footage.jobs.CatalogContext;
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
import java.util.List;

/** {@code footage activities import FILE}: good rows are stored, each bad row gets a one-line reason (exit 1). */
@Command(name = "import", description = "enforcement activities from a CSV or JSON file")
class ActivitiesImportCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private ActivityImporter importer;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV or JSON (docs/formats.md §10)")
    private Path file;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, ActivityContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        List<ActivityFileReader.Row> rows;
        try {
            rows = new ActivityFileReader(properties.deviceZone()).read(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        List<ActivityRecord> good = rows.stream().filter(r -> r.error() == null).map(ActivityFileReader.Row::activity).toList();
        rows.stream().filter(r -> r.error() != null).forEach(r -> err.println("footage: skipped " + r.error()));
        ActivityImporter.Result result = importer.store(good, "import:" + file.getFileName());
        out.printf("activities: %d added, %d updated, %d unchanged, %d rejected; %d device(s) re-analysed, %d finding(s) raised%n",
                result.added(), result.updated(), result.unchanged(), rows.size() - good.size(), result.analysis().devices(),
                result.analysis().raised());
        return good.size() == rows.size() ? 0 : 1;
    }
}
