package footage.jobs.verify;

import footage.jobs.FootageApplication;
import footage.jobs.FootageProperties;
import footage.jobs.fixity.ArchivedObject;
import footage.jobs.fixity.FixityProperties;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Target (issue 4): {@code verify --full} over ~2 GiB of archive takes at most 1.2 times as long as
 * {@code openssl dgst -sha256} over the same archive files.
 *
 * <p>The dump (e.g. 20 recordings of ~100 MiB from {@code BenchData dump}) is ingested into a fresh home by the real
 * ingest job. Then, page cache warm (a first verify reads everything once and lets the JIT compile the hashing loop),
 * the two alternate ROUNDS times: openssl as one process over all archive files, and the whole {@code verify --full}
 * in-process (ledger chain, catalog comparison, parallel re-hash, unknown-file scan, its VERIFY_RUN entry), as the
 * command runs it once the application is up. Verdict: best / best. Also printed: the same re-hash on one thread, and
 * one {@code java -jar footage.jar verify --full} as a whole process (JVM start, Spring, Flyway) for reference.
 *
 * <pre>VerifyFullBenchmark --dump DUMP_DIR --work DIR [--rounds 3] [--jar jobs/target/footage.jar] [--footage.x=y ...]</pre>
 */
public final class VerifyFullBenchmark {

    private static final double MIB = 1024.0 * 1024.0;

    private VerifyFullBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(option(args, "--dump", null)).toAbsolutePath();
        Path work = Path.of(option(args, "--work", null)).toAbsolutePath();
        int rounds = Integer.parseInt(option(args, "--rounds", "3"));
        String jar = option(args, "--jar", "");
        Path home = Files.createDirectories(work.resolve("verify-home"));
        Path drop = Files.createDirectories(home.resolve("drop"));
        linkTree(dump, drop.resolve(dump.getFileName().toString()));

        List<String> spring = new ArrayList<>(List.of("--footage.home=" + home, "--footage.ingest.quiet-period=0s",
                "--logging.level.footage=WARN"));
        Arrays.stream(args).filter(a -> a.startsWith("--footage.")).forEach(spring::add);
        String result;
        try (ConfigurableApplicationContext context = new SpringApplication(FootageApplication.class).run(
                spring.toArray(String[]::new))) {
            long t0 = System.nanoTime();
            BatchStatus ingest = context.getBean(JobRuns.class).run("ingestJob").getStatus();
            System.out.printf(Locale.ROOT, "ingested %s: %s in %.1f s%n", dump, ingest, (System.nanoTime() - t0) / 1e9);
            if (ingest != BatchStatus.COMPLETED) {
                throw new IllegalStateException("the ingest did not complete: " + ingest);
            }
            Verifier verifier = context.getBean(Verifier.class);
            Path archive = context.getBean(FootageProperties.class).archive();
            List<ArchivedObject> objects = verifier.objects();
            long bytes = objects.stream().mapToLong(ArchivedObject::size).sum();
            List<String> files = objects.stream().map(o -> archive.resolve(o.archivePath()).toString()).toList();
            System.out.printf(Locale.ROOT, "archive: %d objects, %.0f MiB; %d hashing threads on %d cores%n",
                    objects.size(), bytes / MIB, context.getBean(FixityProperties.class).hashingThreads(),
                    Runtime.getRuntime().availableProcessors());

            check(verifier.verify(true));
            openssl(files);
            double[] base = new double[rounds];
            double[] ours = new double[rounds];
            double[] hashing = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long s = System.nanoTime();
                openssl(files);
                base[r] = (System.nanoTime() - s) / 1e9;
                s = System.nanoTime();
                Verifier.Report report = verifier.verify(true);
                ours[r] = (System.nanoTime() - s) / 1e9;
                hashing[r] = report.archiveSeconds();
                check(report);
                System.out.printf(Locale.ROOT, "round %d: openssl %.3f s (%.0f MiB/s), verify --full %.3f s (%.0f MiB/s; "
                        + "re-hash part %.3f s)%n", r + 1, base[r], bytes / MIB / base[r], ours[r], bytes / MIB / ours[r], hashing[r]);
            }
            long s = System.nanoTime();
            List<Problem> problems = new ArrayList<>();
            new ArchiveCheck(archive, 1).run(objects, problems);
            double single = (System.nanoTime() - s) / 1e9;
            System.out.printf(Locale.ROOT, "re-hash on one thread: %.3f s (%.0f MiB/s)%n", single, bytes / MIB / single);

            double b = best(base);
            double o = best(ours);
            double ratio = o / b;
            System.out.printf(Locale.ROOT, "openssl: best %.3f s; verify --full: best %.3f s; ratio %.3f, target <= 1.2%n", b, o, ratio);
            result = String.join("|", "RESULT",
                    String.format(Locale.ROOT, "4. verify --full, %d objects = %.2f GiB (best of %d)", objects.size(), bytes / MIB / 1024, rounds),
                    String.format(Locale.ROOT, "openssl %.2f s", b),
                    String.format(Locale.ROOT, "%.2f s (1 thread: %.2f s)", o, single),
                    String.format(Locale.ROOT, "%.2f", ratio), "<= 1.2", ratio <= 1.2 ? "meets" : "MISSES");
        }
        if (!jar.isEmpty()) {
            process(jar, home, Arrays.stream(args).filter(a -> a.startsWith("--footage.")).toList());
        }
        System.out.println(result);
    }

    private static void check(Verifier.Report report) {
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("verify found problems: " + report.problems());
        }
    }

    private static void openssl(List<String> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "dgst", "-sha256", "-r"));
        command.addAll(files);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || out.lines().count() != files.size()) {
            throw new IOException("openssl failed: " + out);
        }
    }

    /** The whole command as an operator runs it, once. */
    private static void process(String jar, Path home, List<String> properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "verify", "--full", "--home", home.toString()));
        command.addAll(properties);
        long s = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        System.out.printf(Locale.ROOT, "java -jar footage.jar verify --full (whole process): exit %d in %.2f s: %s%n", code,
                (System.nanoTime() - s) / 1e9, out.lines().reduce((a, c) -> c).orElse(""));
    }

    /** The dump into the drop folder as hard links: no second copy, and the original stays where it is. */
    private static void linkTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.createLink(target, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, target);
                    }
                }
            }
        }
    }

    private static double best(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("missing " + name + "; usage: VerifyFullBenchmark --dump DUMP_DIR --work DIR "
                    + "[--rounds 3] [--jar JAR]");
        }
        return fallback;
    }
}
