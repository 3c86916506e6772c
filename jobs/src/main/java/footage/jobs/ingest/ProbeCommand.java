package footage.jobs.ingest;

import footage.jobs.FootageCommand;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.ProbeJson;
import footage.pipeline.media.ProbeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code footage probe FILE...}: what ingest would learn of each file, as JSON; needs no catalog, so no context. */
@Command(name = "probe", description = "media facts as JSON")
public class ProbeCommand implements FootageCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "media files; a bad one gets its reason in the JSON")
    private List<Path> files = new ArrayList<>();

    @Override
    public boolean needsContext() {
        return false;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        MediaProbe probe = new MediaProbe();
        List<ProbeResult> results = new ArrayList<>();
        for (Path f : files) {
            results.add(probe.probe(f));
        }
        out.println(ProbeJson.toJson(results));
        return 0;
    }
}
