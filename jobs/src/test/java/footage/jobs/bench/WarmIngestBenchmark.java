package footage.jobs.bench;

import static footage.jobs.bench.IngestRuns.MIB;
import static footage.jobs.bench.IngestRuns.f;

import footage.jobs.FootageApplication;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Target 1 of issue 2 as a scheduled ingest meets it: inside a running application ({@code footage serve} runs
 * ingests from its schedule in one long-lived JVM), so neither the JVM's start nor the JIT compiler's first minutes
 * are in the figure. Each round starts the application on a fresh home in this JVM (a new H2 catalog: every file is
 * new to the archive), ingests the dump with {@code ingestJob}, and closes it; one round before the measured ones
 * warms the JVM up. Rounds alternate with the same shell baseline as {@link IngestSpeedBenchmark}: B W B W ...
 *
 * With {@code --cold} (issue 21, root only) the page cache is emptied before every baseline and right before every
 * job, after the application has started: the job reads the dump from the disk, as a scheduled ingest of a newly
 * docked dump does; the verdict is then on the medians.
 *
 * <pre>WarmIngestBenchmark --dump DUMP_DIR --work DIR [--rounds 3] [--cold]</pre>
 * Run it on the application's class path (the extracted image: {@code footage.jar:lib/*}) plus the test classes.
 */
public final class WarmIngestBenchmark {

    private WarmIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(IngestRuns.option(args, "--dump", null)).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(IngestRuns.option(args, "--work", null)).toAbsolutePath());
        int rounds = Integer.parseInt(IngestRuns.option(args, "--rounds", "3"));
        boolean cold = List.of(args).contains("--cold");
        if (cold && !IngestRuns.canDropCaches()) {
            System.out.println("cold cache: /proc/sys/vm/drop_caches is not writable (run as root); no cold figures taken");
            System.exit(1);
        }
        // the shell baseline only; the class path's application jar stands in for the one IngestRuns would start
        Path jar = Path.of(FootageApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        IngestRuns shell = new IngestRuns(jar, List.of(), work, cold);
        long bytes = IngestRuns.treeBytes(dump);
        int recordings;
        try (Stream<Path> list = Files.list(dump)) {
            recordings = (int) list.filter(p -> p.toString().endsWith(".mp4")).count();
        }
        System.out.printf(Locale.ROOT, "warm ingest of %s: %d recordings, %.0f MiB; 1 warm-up round, then %d rounds "
                + "alternating baseline / ingest in this JVM%s%n", dump, recordings, bytes / MIB, rounds,
                cold ? "; page cache emptied before every run (cold)" : "");
        double warmUp = ingest(dump, work.resolve("warm-up"), recordings, false);
        System.out.printf(Locale.ROOT, "  warm-up ingest: job %.2f s%n", warmUp);
        double[] base = new double[rounds];
        double[] job = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            base[r] = shell.baseline(dump).seconds();
            job[r] = ingest(dump, work.resolve("round-" + (r + 1)), recordings, cold);
            System.out.printf(Locale.ROOT, "  round %d: baseline %.2f s, ingest job %.2f s (%.0f MiB/s)%n", r + 1,
                    base[r], job[r], bytes / MIB / job[r]);
        }
        double b = IngestRuns.best(base);
        double j = IngestRuns.best(job);
        System.out.printf(Locale.ROOT, "baseline: best %.2f s, median %.2f s; warm ingest job: best %.2f s, median "
                + "%.2f s; ratio best/best %.3f, median/median %.3f, target <= 0.9%n", b, IngestRuns.median(base), j,
                IngestRuns.median(job), j / b, IngestRuns.median(job) / IngestRuns.median(base));
        if (cold) {
            double mj = IngestRuns.median(job);
            double mb = IngestRuns.median(base);
            IngestRuns.result(f("1wc. Ingest job in a running application, cold cache, %d x %.0f MiB (median of %d)",
                            recordings, bytes / MIB / recordings, rounds), f("cp+sync+openssl %.2f s", mb),
                    f("job %.2f s", mj), f("%.2f", mj / mb), "<= 0.9", mj / mb <= 0.9);
        } else {
            IngestRuns.result(f("1w. Ingest job in a running application, %d x %.0f MiB (best of %d)", recordings,
                            bytes / MIB / recordings, rounds), f("cp+sync+openssl %.2f s", b), f("job %.2f s", j),
                    f("%.2f", j / b), "<= 0.9", j / b <= 0.9);
        }
    }

    /** One application on a fresh home: the dump is moved into its drop folder, ingested, and moved back. */
    private static double ingest(Path dump, Path home, int expected, boolean cold) throws Exception {
        Path drop = Files.createDirectories(home.resolve("drop"));
        Path inDrop = drop.resolve(dump.getFileName().toString());
        IngestRuns.settle();
        Files.move(dump, inDrop, StandardCopyOption.ATOMIC_MOVE);
        try (ConfigurableApplicationContext app = new SpringApplication(FootageApplication.class).run(
                "--footage.home=" + home, "--footage.ingest.quiet-period=0s", "--logging.level.footage=WARN")) {
            if (cold) {
                IngestRuns.dropCaches();
            }
            JobExecution e = app.getBean(JobRuns.class).run("ingestJob");
            if (e.getStatus() != BatchStatus.COMPLETED) {
                throw new IllegalStateException("ingestJob ended " + e.getStatus() + ": " + e.getAllFailureExceptions());
            }
            Long archived = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM recordings").query(Long.class).single();
            if (archived != expected) {
                throw new IllegalStateException("expected " + expected + " recordings, the catalog has " + archived);
            }
            return Duration.between(e.getStartTime(), e.getEndTime()).toNanos() / 1e9;
        } finally {
            Path done;
            try (Stream<Path> list = Files.exists(drop.resolve(".done")) ? Files.list(drop.resolve(".done")) : Stream.empty()) {
                done = list.findFirst().orElse(inDrop);
            }
            Files.move(Files.exists(inDrop) ? inDrop : done, dump, StandardCopyOption.ATOMIC_MOVE);
            IngestRuns.deleteTree(home);
        }
    }
}
