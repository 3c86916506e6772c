package footage.jobs.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Shared by the ingest benchmarks (not a benchmark itself): runs the real CLI and the shell baseline as child
 * processes under {@code /usr/bin/time}, so both are measured the same way (wall time from this JVM; CPU time,
 * user + system, and peak RSS from time's %U %S %M), and prints the {@code RESULT|...} summary lines that {@code bench/run.sh} tabulates.
 *
 * <p>The dump is never copied for a run: it is renamed into the run's home's drop folder (same file system) and
 * renamed back from {@code drop/.done/} afterwards, so the baseline and every ingest read the very same files.
 */
final class IngestRuns {

    static final double MIB = 1024.0 * 1024.0;
    private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");
    private static final Pattern JOB_TIME = Pattern.compile("ingest: (\\w+) in ([0-9.]+) s");
    private static final Pattern RECORDINGS = Pattern.compile("recordings:\\s+(\\d+) archived, (\\d+) damaged");
    private static final Pattern QUARANTINED = Pattern.compile("quarantined:\\s+(\\d+) file");

    /** One finished child process. */
    /**
     * @param summaryAt seconds from the start until the CLI printed its "ingest: STATUS in N s" line (NaN if never):
     *                  with the job's own time it splits a run into start-up, job, and summary + exit
     */
    record Measured(int exit, double seconds, long maxRssKib, double cpuSeconds, double summaryAt, String output) {
    }

    /** One ingest run: the process plus what its summary said. */
    record Ingest(Measured process, String status, Double jobSeconds, int archived, int damaged, int quarantined,
                  String problem) {
        boolean ok() {
            return problem == null;
        }

        /** Process start until the job started: JVM, Spring context, Flyway, FFmpeg loading. */
        double startup() {
            return jobSeconds == null ? Double.NaN : process.summaryAt - jobSeconds;
        }

        /** After the job: the summary queries, closing the catalog, JVM exit. */
        double after() {
            return process.seconds - process.summaryAt;
        }
    }

    private final Path jar;
    private final List<String> javaOptions;
    private final Path work;
    private final boolean cold;
    private int counter;
    /** A home whose catalog the application made: what every run starts from, as a docking station's home does. */
    private Path existingHome;

    IngestRuns(Path jar, List<String> javaOptions, Path work) throws IOException {
        this(jar, javaOptions, work, false);
    }

    /** {@code cold}: the page cache is emptied before every run (the caller checked {@link #canDropCaches}). */
    IngestRuns(Path jar, List<String> javaOptions, Path work, boolean cold) throws IOException {
        this.cold = cold;
        this.jar = jar.toAbsolutePath();
        this.javaOptions = List.copyOf(javaOptions);
        this.work = Files.createDirectories(work.toAbsolutePath());
        if (!Files.isRegularFile(this.jar)) {
            throw new IllegalArgumentException("no application jar at " + this.jar + " (build with mvn install)");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            throw new IllegalStateException("/usr/bin/time is needed for peak RSS (apt-get install -y time)");
        }
    }

    /** {@code cp -r DUMP DEST && sync && openssl dgst -sha256 DEST/*} with a fresh DEST, which is deleted after. */
    Measured baseline(Path dump) throws IOException, InterruptedException {
        Path dest = work.resolve("baseline-" + (++counter));
        prepare();
        Measured m = run(List.of("bash", "-c", "cp -r \"$0\" \"$1\" && sync && openssl dgst -sha256 \"$1\"/*",
                dump.toString(), dest.toString()), "baseline-" + counter);
        if (m.exit != 0) {
            throw new IOException("the baseline failed (exit " + m.exit + "): " + tail(m.output, 5));
        }
        long hashed = m.output.lines().filter(l -> l.startsWith("SHA2-256(") || l.startsWith("SHA256(")).count();
        deleteTree(dest);
        System.out.printf(Locale.ROOT, "  baseline cp+sync+openssl: %.2f s wall, %.2f s CPU, %d files hashed, "
                + "peak RSS %.0f MiB%n", m.seconds, m.cpuSeconds, hashed, m.maxRssKib / 1024.0);
        return m;
    }

    /**
     * The real CLI on an existing home (a copy of one the application made, with an empty archive) whose drop folder
     * holds the dump (none: an empty drop folder, which measures the fixed cost of a run); the home is deleted after.
     * A station ingests into a home whose catalog exists: a new one costs a whole-application start with the catalog's
     * migrations once (BENCHMARKS.md §11), which is not what each docking pays.
     */
    Ingest ingest(Path dump, int expectedRecordings, List<String> extraJavaOptions)
            throws IOException, InterruptedException {
        if (existingHome == null) {
            existingHome = work.resolve("existing-home");
            Files.createDirectories(existingHome.resolve("drop"));
            List<String> make = new ArrayList<>(List.of("java"));
            make.addAll(javaOptions);
            make.addAll(List.of("-jar", jar.toString(), "--home", existingHome.toString(), "ingest"));
            Measured made = run(make, "existing-home");
            if (made.exit != 0) {
                throw new IOException("could not make a home to ingest into (exit " + made.exit + "): " + tail(made.output, 5));
            }
        }
        Path home = work.resolve("home-" + (++counter));
        copyTree(existingHome, home);
        Path drop = Files.createDirectories(home.resolve("drop"));
        Path inDrop = dump == null ? null : drop.resolve(dump.getFileName().toString());
        prepare();
        if (dump != null) {
            Files.move(dump, inDrop, StandardCopyOption.ATOMIC_MOVE);
        }
        Measured m;
        try {
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(javaOptions);
            command.addAll(extraJavaOptions);
            command.addAll(List.of("-jar", jar.toString(), "--home", home.toString(), "ingest",
                    "--footage.ingest.quiet-period=0s"));
            m = run(command, "ingest-" + counter);
        } finally {
            if (dump != null) {
                putBack(drop, inDrop, dump);
            }
        }
        Ingest result = parse(m, expectedRecordings);
        System.out.printf(Locale.ROOT, "  ingest (%s): %.2f s wall = start-up %.2f + job %s + summary and exit %.2f; "
                        + "%.2f s CPU; %s, %d archived + %d damaged, %d quarantined, peak RSS %.0f MiB%s%n",
                String.join(" ", extraJavaOptions).isEmpty() ? "default JVM options" : String.join(" ", extraJavaOptions),
                m.seconds, result.startup(),
                result.jobSeconds == null ? "?" : String.format(Locale.ROOT, "%.2f", result.jobSeconds),
                result.after(), m.cpuSeconds,
                result.status, result.archived, result.damaged, result.quarantined, m.maxRssKib / 1024.0,
                result.ok() ? "" : " -- PROBLEM: " + result.problem);
        if (!result.ok()) {
            System.out.println("  ---- output of the failed ingest (last 40 lines) ----");
            System.out.println(tail(m.output, 40).indent(4).stripTrailing());
            System.out.println("  ----");
        }
        deleteTree(home);
        return result;
    }

    /** Where the dump went: drop/.done/&lt;id&gt;_&lt;folder&gt; when it finished, else still in drop. */
    private static void putBack(Path drop, Path inDrop, Path dump) throws IOException {
        Path source = inDrop;
        Path done = drop.resolve(".done");
        if (!Files.exists(inDrop) && Files.isDirectory(done)) {
            try (Stream<Path> list = Files.list(done)) {
                source = list.filter(p -> p.getFileName().toString().endsWith("_" + inDrop.getFileName()))
                        .findFirst().orElse(inDrop);
            }
        }
        if (!Files.isDirectory(source)) {
            throw new IOException("the dump is neither in " + inDrop + " nor in " + done + ": cannot put it back");
        }
        Files.move(source, dump, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Ingest parse(Measured m, int expected) {
        Matcher job = JOB_TIME.matcher(m.output);
        Matcher rec = RECORDINGS.matcher(m.output);
        Matcher quar = QUARANTINED.matcher(m.output);
        String status = job.find() ? job.group(1) : "?";
        Double jobSeconds = status.equals("?") ? null : Double.valueOf(job.group(2));
        int archived = rec.find() ? Integer.parseInt(rec.group(1)) : -1;
        int damaged = archived >= 0 ? Integer.parseInt(rec.group(2)) : -1;
        int quarantined = quar.find() ? Integer.parseInt(quar.group(1)) : -1;
        String problem = null;
        if (m.exit != 0) {
            problem = "exit code " + m.exit + ": " + firstFailure(m.output);
        } else if (!status.equals("COMPLETED")) {
            problem = "job status " + status;
        } else if (archived + damaged != expected) {
            problem = "expected " + expected + " recordings archived, the summary says " + archived + " archived, "
                    + damaged + " damaged, " + quarantined + " quarantined";
        }
        return new Ingest(m, status, jobSeconds, archived, damaged, quarantined, problem);
    }

    private static String firstFailure(String output) {
        return output.lines().filter(l -> l.contains("failure:") || l.startsWith("footage:") || l.contains("ERROR")
                        || l.contains("Exception") || l.contains("Error"))
                .findFirst().orElse(tail(output, 1)).strip();
    }

    /** Runs a command under /usr/bin/time; output (stdout and stderr merged) is kept in the work folder. */
    Measured run(List<String> command, String name) throws IOException, InterruptedException {
        Path timeFile = work.resolve(name + ".time");
        Path log = work.resolve(name + ".log");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString()));
        timed.addAll(command);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(timed).redirectErrorStream(true).start();
        p.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        double summaryAt = Double.NaN;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (Double.isNaN(summaryAt) && JOB_TIME.matcher(line).find()) {
                    summaryAt = (System.nanoTime() - t0) / 1e9;
                }
                output.append(line).append('\n');
            }
        }
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.writeString(log, output, StandardCharsets.UTF_8);
        long rss = -1;
        double cpu = Double.NaN;
        if (Files.exists(timeFile)) {
            // time writes "Command exited with non-zero status N" before the figures when the command failed
            List<String> lines = Files.readAllLines(timeFile);
            String[] f = lines.get(lines.size() - 1).trim().split(" ");
            rss = Long.parseLong(f[3]);
            cpu = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
        }
        return new Measured(exit, seconds, rss, cpu, summaryAt, output.toString());
    }

    private void prepare() throws IOException, InterruptedException {
        if (cold) {
            dropCaches();
        } else {
            settle();
        }
    }

    /**
     * Writes back what is dirty and empties the page cache, so the next run reads its input (and the JVM its jar)
     * from the disk, as a docking station's new dump is read.
     */
    static void dropCaches() throws IOException, InterruptedException {
        settle();
        Files.writeString(DROP_CACHES, "3");
    }

    /** Only root may empty the page cache; elsewhere the cold figures cannot be taken. */
    static boolean canDropCaches() {
        return Files.isWritable(DROP_CACHES);
    }

    /** Flushes what earlier steps left dirty, so no run pays for the writes of the one before. */
    static void settle() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    /** Copies a home (small: its catalog and empty folders), keeping its permissions. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    static long treeBytes(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static double best(double[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Prints {@code RESULT|name|baseline|ours|ratio|target|verdict} for the summary table. */
    static void result(String name, String baseline, String ours, String ratio, String target, boolean met) {
        System.out.println(String.join("|", "RESULT", name, baseline, ours, ratio, target, met ? "meets" : "MISSES"));
    }

    /** Options: --name value pairs. */
    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("missing option " + name);
        }
        return fallback;
    }

    static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
