package footage.jobs.bench;

import static footage.jobs.bench.IngestRuns.MIB;
import static footage.jobs.bench.IngestRuns.f;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 21, the command line while {@code serve} runs (as at a docking station, where it always does): {@code footage
 * ingest} hands its run to serve, so the whole command is a small JVM that asks and prints, and the job runs in serve's
 * warm JVM. One serve for all rounds, on a home of its own, warmed up by one ingest first; each round, alternating with
 * the shell baseline of {@link IngestSpeedBenchmark}, takes in a fresh copy of the dump with one byte of every file
 * changed (new to the archive, so nothing is a duplicate), the page cache emptied before the command starts (with
 * {@code --cold}) and the command timed from its start to its exit. The baseline copies and hashes the same copy.
 *
 * <pre>HandedIngestBenchmark --jar JAR --dump DUMP_DIR --work DIR [--rounds 3] [--java-opts "..."]
 *     [--serve-java-opts "..."] [--cold]</pre>
 * {@code --java-opts}: the command's JVM options ({@code scripts/java-options.sh ingest IMAGE}); {@code
 * --serve-java-opts}: serve's ({@code scripts/java-options.sh serve IMAGE}).
 */
public final class HandedIngestBenchmark {

    private static final Pattern JOB_TIME = Pattern.compile("ingest: (\\w+) in ([0-9.]+) s");
    private static final Pattern RECORDINGS = Pattern.compile("recordings:\\s+(\\d+) archived");
    private static final String HANDED = "footage: ingest handed to the serve running on this home";

    private HandedIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(IngestRuns.option(args, "--dump", null)).toAbsolutePath();
        Path jar = Path.of(IngestRuns.option(args, "--jar", null)).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(IngestRuns.option(args, "--work", null)).toAbsolutePath());
        int rounds = Integer.parseInt(IngestRuns.option(args, "--rounds", "3"));
        List<String> commandOptions = IngestRuns.words(IngestRuns.option(args, "--java-opts", ""));
        List<String> serveOptions = IngestRuns.words(IngestRuns.option(args, "--serve-java-opts", ""));
        boolean cold = List.of(args).contains("--cold");
        if (cold && !IngestRuns.canDropCaches()) {
            System.out.println("cold cache: /proc/sys/vm/drop_caches is not writable (run as root); no cold figures taken");
            System.exit(1);
        }
        IngestRuns shell = new IngestRuns(jar, List.of(), work, cold);
        long bytes = IngestRuns.treeBytes(dump);
        int recordings;
        try (Stream<Path> list = Files.list(dump)) {
            recordings = (int) list.filter(p -> p.toString().endsWith(".mp4")).count();
        }
        System.out.printf(Locale.ROOT, "ingest handed to a running serve, %s: %d recordings, %.0f MiB; 1 warm-up ingest, "
                + "then %d rounds alternating baseline / command%s%n", dump, recordings, bytes / MIB, rounds,
                cold ? "; page cache emptied before every run (cold)" : "");

        Path home = work.resolve("serve-home");
        IngestRuns.deleteTree(home);
        Files.createDirectories(home.resolve("drop"));
        List<String> serve = new ArrayList<>(List.of("java"));
        serve.addAll(serveOptions);
        serve.addAll(List.of("-jar", jar.toString(), "--home", home.toString(), "serve", "--server.port=0",
                "--footage.ingest.quiet-period=0s"));
        for (String off : List.of("ingest", "report", "fixity", "sweep", "transcode", "supervision")) {
            serve.add("--footage.schedule." + off + ".enabled=false");
        }
        Path serveLog = work.resolve("serve.log");
        Process server = new ProcessBuilder(serve).redirectErrorStream(true).redirectOutput(serveLog.toFile()).start();
        String problem = null;
        double[] base = new double[rounds];
        double[] process = new double[rounds];
        double[] job = new double[rounds];
        double[] cpu = new double[rounds];
        try {
            awaitServing(server, serveLog);
            Run warmUp = handed(shell, jar, commandOptions, home, copy(dump, work, 0), recordings, false);
            System.out.printf(Locale.ROOT, "  warm-up: %.2f s (job %.2f s)%s%n", warmUp.measured().seconds(), warmUp.job(),
                    warmUp.problem() == null ? "" : " -- PROBLEM: " + warmUp.problem());
            for (int r = 0; r < rounds; r++) {
                System.out.println("round " + (r + 1) + ":");
                Path round = copy(dump, work, r + 1);
                base[r] = shell.baseline(round).seconds();
                Run run = handed(shell, jar, commandOptions, home, round, recordings, cold);
                process[r] = run.measured().seconds();
                job[r] = run.job();
                cpu[r] = run.measured().cpuSeconds();
                System.out.printf(Locale.ROOT, "  command (handed to serve): %.2f s wall, job %.2f s, the command's own CPU %.2f s%s%n",
                        process[r], job[r], cpu[r], run.problem() == null ? "" : " -- PROBLEM: " + run.problem());
                if (run.problem() != null && problem == null) {
                    problem = run.problem();
                }
            }
        } finally {
            server.destroy();
            server.waitFor();
            IngestRuns.deleteTree(home);
        }
        double mb = IngestRuns.median(base);
        double mj = IngestRuns.median(job) / mb;
        double mp = IngestRuns.median(process) / mb;
        System.out.printf(Locale.ROOT, "baseline median %.2f s; job median %.2f s (%.3f); whole command median %.2f s (%.3f); "
                + "the command's own CPU median %.2f s%n", mb, IngestRuns.median(job), mj, IngestRuns.median(process), mp,
                IngestRuns.median(cpu));
        String size = f("%d x %.0f MiB = %.2f GiB", recordings, bytes / MIB / recordings, bytes / MIB / 1024);
        String c = cold ? "c" : "";
        String cache = cold ? "cold cache" : "warm cache";
        IngestRuns.result(f("1h%s. Ingest job from the CLI, handed to a running serve, %s, %s (median of %d)", c, cache, size, rounds),
                f("cp+sync+openssl %.2f s", mb), f("job %.2f s", IngestRuns.median(job)), f("%.2f", mj), "<= 0.9",
                problem == null && mj <= 0.9);
        IngestRuns.result(f("1hp%s. The whole CLI process, handed to a running serve, %s (median)", c, cache),
                f("cp+sync+openssl %.2f s", mb), f("%.2f s", IngestRuns.median(process)), f("%.2f", mp), "<= 1.2",
                problem == null && mp <= 1.2);
        if (problem != null) {
            System.out.println("INGEST PROBLEM: " + problem);
            System.exit(1);
        }
    }

    record Run(IngestRuns.Measured measured, double job, String problem) {
    }

    /** The command, moving the dump into serve's drop folder first; the dump's copy is deleted after. */
    private static Run handed(IngestRuns shell, Path jar, List<String> options, Path home, Path dump, int recordings,
                              boolean cold) throws IOException, InterruptedException {
        Path inDrop = home.resolve("drop").resolve(dump.getFileName().toString());
        if (cold) {
            IngestRuns.dropCaches();
        } else {
            IngestRuns.settle();
        }
        Files.move(dump, inDrop, StandardCopyOption.ATOMIC_MOVE);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString(), "--home", home.toString(), "ingest"));
        IngestRuns.Measured m = shell.run(command, "handed-" + dump.getFileName());
        Matcher time = JOB_TIME.matcher(m.output());
        boolean timed = time.find();
        double seconds = timed ? Double.parseDouble(time.group(2)) : Double.NaN;
        Matcher archived = RECORDINGS.matcher(m.output());
        String problem = null;
        if (m.exit() != 0) {
            problem = "exit " + m.exit() + ": " + IngestRuns.tail(m.output(), 3);
        } else if (!m.output().contains(HANDED)) {
            problem = "the command ran the ingest itself: " + IngestRuns.tail(m.output(), 3);
        } else if (!timed || !time.group(1).equals("COMPLETED")) {
            problem = "no COMPLETED run: " + IngestRuns.tail(m.output(), 3);
        } else if (!archived.find() || Integer.parseInt(archived.group(1)) != recordings) {
            problem = "expected " + recordings + " archived: " + IngestRuns.tail(m.output(), 12);
        }
        // the dump moved to drop/.done; the archive keeps its copies in serve's home until the end
        try (Stream<Path> done = Files.list(home.resolve("drop").resolve(".done"))) {
            for (Path d : done.toList()) {
                IngestRuns.deleteTree(d);
            }
        }
        IngestRuns.deleteTree(inDrop);
        return new Run(m, seconds, problem);
    }

    /**
     * A copy of the dump under its own folder name and a device of its own (the device in the recordings' names and the
     * manifest: no round's recordings overlap another's on a timeline), each recording with one byte in its middle
     * changed (in the coded video, which the probe does not read): new content for the archive, the manifest's sizes
     * still right.
     */
    private static Path copy(Path dump, Path work, int n) throws IOException {
        Path copy = work.resolve(dump.getFileName() + "-" + n);
        IngestRuns.deleteTree(copy);
        Files.createDirectories(copy);
        List<Path> files;
        try (Stream<Path> list = Files.list(dump)) {
            files = list.sorted().toList();
        }
        String device = files.stream().map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".mp4"))
                .map(f -> f.substring(0, f.indexOf('_'))).findFirst().orElseThrow();
        String own = device.substring(0, device.length() - 3) + String.format(Locale.ROOT, "%03d", 100 + n);
        for (Path f : files) {
            Path to = copy.resolve(f.getFileName().toString().replace(device, own));
            if (f.getFileName().toString().equals("manifest.json")) {
                Files.writeString(to, Files.readString(f, StandardCharsets.UTF_8).replace(device, own), StandardCharsets.UTF_8);
                continue;
            }
            Files.copy(f, to);
            if (f.toString().endsWith(".mp4")) {
                try (RandomAccessFile raf = new RandomAccessFile(to.toFile(), "rw")) {
                    long middle = raf.length() / 2;
                    raf.seek(middle);
                    int b = raf.read();
                    raf.seek(middle);
                    raf.write(b ^ (0x5A + n));
                }
            }
        }
        return copy;
    }

    private static void awaitServing(Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains("serve: running")) {
                return;
            }
            if (!server.isAlive()) {
                throw new IOException("serve ended (exit " + server.exitValue() + "): " + IngestRuns.tail(text, 20));
            }
            Thread.sleep(100);
        }
        throw new IOException("serve did not start within 180 s");
    }
}
