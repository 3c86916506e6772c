package footage.jobs.bench;

import static footage.jobs.bench.IngestRuns.MIB;
import static footage.jobs.bench.IngestRuns.f;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Target (issue 2): ingesting a dump with the real CLI takes at most 0.9 times as long as
 * {@code cp -r DUMP DEST && sync && openssl dgst -sha256 DEST/*} on the same files.
 *
 * <p>The page cache cannot be dropped here, so the dump is warm for every run (it was just generated) and the
 * runs alternate, baseline first: B O B O ... Every run starts after a {@code sync} and writes to a fresh folder.
 * Two figures from the same runs: the ingest job itself (from the job execution's start and end, as printed by the
 * CLI), which is what a scheduled ingest in a running {@code footage serve} takes, and the whole one-shot process
 * (JVM start, Spring on the existing H2 catalog of a home made once before the rounds, the job, shutdown), what an operator at the command line waits
 * for; an ingest of an empty drop folder is measured first to show the fixed part of that. Verdicts use best ours /
 * best baseline; the medians are printed too.
 *
 *
 * <p>With {@code --cold} (issue 21) the page cache is emptied before every run instead, as root may: the dump is read
 * from the disk as a docking station's new dump is, and the JVM reads its jar and libraries from the disk too. The
 * verdicts are then on the medians (job ≤ 0.9 × baseline, whole process ≤ 1.2 ×). Not root: it says so and exits 1.
 *
 * <pre>IngestSpeedBenchmark --jar JAR --dump DUMP_DIR --work DIR [--rounds 2] [--java-opts "..."] [--cold]</pre>
 */
public final class IngestSpeedBenchmark {

    private IngestSpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(IngestRuns.option(args, "--dump", null)).toAbsolutePath();
        int rounds = Integer.parseInt(IngestRuns.option(args, "--rounds", "2"));
        boolean cold = List.of(args).contains("--cold");
        if (cold && !IngestRuns.canDropCaches()) {
            System.out.println("cold cache: /proc/sys/vm/drop_caches is not writable (run as root); no cold figures taken");
            System.exit(1);
        }
        IngestRuns runs = new IngestRuns(Path.of(IngestRuns.option(args, "--jar", null)),
                IngestRuns.words(IngestRuns.option(args, "--java-opts", "")), Path.of(IngestRuns.option(args, "--work", null)),
                cold);
        long bytes = IngestRuns.treeBytes(dump);
        int recordings;
        try (Stream<Path> list = Files.list(dump)) {
            recordings = (int) list.filter(p -> p.toString().endsWith(".mp4")).count();
        }
        System.out.printf("ingest of %s: %d recordings, %.0f MiB; %d rounds alternating baseline / ingest; %s%n",
                dump, recordings, bytes / MIB, rounds, cold ? "page cache emptied before every run (cold)"
                        : "page cache warm (sync before every run)");

        IngestRuns.Ingest empty = runs.ingest(null, 0, List.of());
        System.out.printf("  (fixed cost of a run: ingest of an empty drop folder took %.2f s, %.2f s CPU)%n",
                empty.process().seconds(), empty.process().cpuSeconds());

        double[] base = new double[rounds];
        double[] ours = new double[rounds];
        double[] job = new double[rounds];
        double[] startup = new double[rounds];
        double[] after = new double[rounds];
        double[] baseCpu = new double[rounds];
        double[] oursCpu = new double[rounds];
        long peak = 0;
        String problem = null;
        for (int r = 0; r < rounds; r++) {
            System.out.println("round " + (r + 1) + ":");
            IngestRuns.Measured baseline = runs.baseline(dump);
            base[r] = baseline.seconds();
            baseCpu[r] = baseline.cpuSeconds();
            IngestRuns.Ingest in = runs.ingest(dump, recordings, List.of());
            ours[r] = in.process().seconds();
            oursCpu[r] = in.process().cpuSeconds();
            startup[r] = in.startup();
            after[r] = in.after();
            job[r] = in.jobSeconds() == null ? Double.NaN : in.jobSeconds();
            peak = Math.max(peak, in.process().maxRssKib());
            if (!in.ok() && problem == null) {
                problem = in.problem();
            }
        }
        double b = IngestRuns.best(base);
        double o = IngestRuns.best(ours);
        double ratio = o / b;
        System.out.printf("baseline: best %.2f s, median %.2f s (%.0f MiB/s best)%n", b, IngestRuns.median(base),
                bytes / MIB / b);
        System.out.printf("ingest:   best %.2f s, median %.2f s (%.0f MiB/s best); inside the job: best %.2f s; "
                        + "empty-drop run %.2f s; peak RSS %.0f MiB%n", o, IngestRuns.median(ours),
                bytes / MIB / o, IngestRuns.best(job), empty.process().seconds(), peak / 1024.0);
        System.out.printf("ingest phases (best): start-up %.2f s, job %.2f s, summary and exit %.2f s%n",
                IngestRuns.best(startup), IngestRuns.best(job), IngestRuns.best(after));
        System.out.printf("CPU time (user + system): baseline best %.2f s, ingest best %.2f s (empty-drop run %.2f s)%n",
                IngestRuns.best(baseCpu), IngestRuns.best(oursCpu), empty.process().cpuSeconds());
        System.out.printf("ratio best/best %.3f, median/median %.3f, target <= 0.9%n", ratio,
                IngestRuns.median(ours) / IngestRuns.median(base));
        if (problem != null) {
            System.out.println("INGEST PROBLEM: " + problem);
        }
        double j = IngestRuns.best(job);
        double jobRatio = j / b;
        System.out.printf("ratio of the job (what a scheduled ingest in serve takes) best/best %.3f, median/median "
                + "%.3f, target <= 0.9%n", jobRatio, IngestRuns.median(job) / IngestRuns.median(base));
        String size = f("%d x %.0f MiB = %.2f GiB", recordings, bytes / MIB / recordings, bytes / MIB / 1024);
        if (cold) {
            double mb = IngestRuns.median(base);
            double mj = IngestRuns.median(job) / mb;
            double mp = IngestRuns.median(ours) / mb;
            IngestRuns.result(f("1c. Ingest job, cold cache, %s (median of %d)", size, rounds),
                    f("cp+sync+openssl %.2f s", mb), f("job %.2f s", IngestRuns.median(job)), f("%.2f", mj), "<= 0.9",
                    problem == null && mj <= 0.9);
            IngestRuns.result("1pc. The same as a one-shot CLI process, cold cache (median)",
                    f("cp+sync+openssl %.2f s", mb), f("%.2f s (start-up %.2f s)", IngestRuns.median(ours),
                            IngestRuns.median(startup)), f("%.2f", mp), "<= 1.2", problem == null && mp <= 1.2);
        } else {
            IngestRuns.result(f("1. Ingest job, %s (best of %d)", size, rounds),
                    f("cp+sync+openssl %.2f s", b),
                    f("job %.2f s (peak RSS %.0f MiB)", j, peak / 1024.0),
                    f("%.2f", jobRatio), "<= 0.9", problem == null && jobRatio <= 0.9);
            IngestRuns.result("1p. The same as a one-shot CLI process (JVM and Spring start-up included)",
                    f("cp+sync+openssl %.2f s", b),
                    f("%.2f s (start-up %.2f s)", o, IngestRuns.best(startup)),
                    f("%.2f", ratio), "<= 0.9", problem == null && ratio <= 0.9);
        }
        if (problem != null) {
            System.exit(1);
        }
    }
}
