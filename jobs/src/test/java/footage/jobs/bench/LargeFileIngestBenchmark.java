package footage.jobs.bench;

import static footage.jobs.bench.IngestRuns.MIB;
import static footage.jobs.bench.IngestRuns.f;

import java.nio.file.Path;
import java.util.List;

/**
 * Target (issue 2): a dump holding one very large recording (4 GiB in the full run) is ingested by a JVM limited
 * to a 256 MiB heap. Reported: whether it completes, the peak RSS of the whole process (/usr/bin/time %M), and
 * for context its time against the same {@code cp -r && sync && openssl dgst -sha256} baseline (one run each,
 * baseline first).
 *
 * <pre>LargeFileIngestBenchmark --jar JAR --dump DUMP_DIR --work DIR [--xmx 256m] [--java-opts "..."]</pre>
 */
public final class LargeFileIngestBenchmark {

    private LargeFileIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(IngestRuns.option(args, "--dump", null)).toAbsolutePath();
        String xmx = IngestRuns.option(args, "--xmx", "256m");
        IngestRuns runs = new IngestRuns(Path.of(IngestRuns.option(args, "--jar", null)),
                IngestRuns.words(IngestRuns.option(args, "--java-opts", "")), Path.of(IngestRuns.option(args, "--work", null)));
        long bytes = IngestRuns.treeBytes(dump);
        System.out.printf("ingest of %s (%.2f GiB in one recording) with -Xmx%s%n", dump, bytes / MIB / 1024, xmx);

        IngestRuns.Measured baseline = runs.baseline(dump);
        double base = baseline.seconds();
        IngestRuns.Ingest in = runs.ingest(dump, 1, List.of("-Xmx" + xmx));
        double ours = in.process().seconds();
        double peakMib = in.process().maxRssKib() / 1024.0;
        String status = in.archived() == 1 ? "ARCHIVED" : in.damaged() == 1 ? "DAMAGED" : "not archived";
        System.out.printf("baseline %.2f s (%.0f MiB/s, CPU %.2f s), ingest %.2f s (%.0f MiB/s, job %s s, CPU %.2f s), "
                        + "ratio %.3f; recording %s; peak RSS %.0f MiB%n", base, bytes / MIB / base,
                baseline.cpuSeconds(), ours, bytes / MIB / ours,
                in.jobSeconds() == null ? "?" : f("%.2f", in.jobSeconds()), in.process().cpuSeconds(), ours / base,
                status, peakMib);
        if (!in.ok()) {
            System.out.println("INGEST PROBLEM: " + in.problem());
        }
        IngestRuns.result(f("3b. Ingest one %.2f GiB file, -Xmx%s", bytes / MIB / 1024, xmx),
                f("cp+sync+openssl %.2f s", base),
                in.ok() ? f("completed (%s) in %.2f s, peak RSS %.0f MiB", status, ours, peakMib)
                        : f("FAILED after %.2f s: %s", ours, in.problem()),
                f("%.2f (time)", ours / base), "completes with -Xmx" + xmx, in.ok());
        if (!in.ok()) {
            System.exit(1);
        }
    }
}
