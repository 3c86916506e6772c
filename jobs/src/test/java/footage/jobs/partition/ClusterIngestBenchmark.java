package footage.jobs.partition;

import footage.jobs.TestDatabases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ingest throughput of the cluster with 1 and 2 workers, against a single node (role all) on the same PostgreSQL and
 * the same files, on this machine (issue 10). Not a test: run by hand (see BENCHMARKS.md).
 *
 * <p>Each run gets a fresh database, a fresh home whose drop folder hard-links the same generated dumps (so every run
 * reads the same warm files), its own queue, and freshly started workers (started and ready before the clock runs).
 * The figure is the duration of {@code ingestFilesStep} from the job repository: the step that is partitioned, without
 * JVM start-up, discovery, continuity and finishing, which do not change with the number of workers. The whole manager
 * process is timed too. Where the time goes comes from each worker's per-partition account (taking in, cataloguing,
 * waiting for the catalog lock, committing) and from the CPU time of the workers, PostgreSQL and RabbitMQ.
 *
 * <pre>ClusterIngestBenchmark --work DIR [--dumps 8] [--files 30] [--min-seconds 0.5] [--max-seconds 1.0]
 *                        [--dataset DROP_DIR] [--rounds 2] [--grid-size 8] [--java-opts "-Xmx256m"]</pre>
 */
public final class ClusterIngestBenchmark {

    private static final Pattern ENDED = Pattern.compile("ended COMPLETED: (\\d+) item\\(s\\) in ([\\d.]+) s: processing "
            + "([\\d.]+) s, cataloguing ([\\d.]+) s \\(of which waiting for the catalog lock "
            + "([\\d.]+) s\\), committing ([\\d.]+) s");

    private final Path work;
    private final Path dataset;
    private final List<String> javaOpts;
    private final int gridSize;
    private int runNumber;

    private ClusterIngestBenchmark(Path work, Path dataset, List<String> javaOpts, int gridSize) {
        this.work = work;
        this.dataset = dataset;
        this.javaOpts = javaOpts;
        this.gridSize = gridSize;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(option(args, "--work", "/tmp/footage-cluster-bench")).toAbsolutePath();
        int rounds = Integer.parseInt(option(args, "--rounds", "2"));
        Files.createDirectories(work);
        Path dataset;
        String given = option(args, "--dataset", null);
        if (given != null) {
            dataset = Path.of(given).toAbsolutePath();
        } else {
            dataset = work.resolve("dataset");
            if (!Files.isDirectory(dataset)) {
                Map<String, String> files = ClusterDrops.write(dataset, Integer.parseInt(option(args, "--dumps", "8")),
                        Integer.parseInt(option(args, "--files", "30")), Double.parseDouble(option(args, "--min-seconds", "0.5")),
                        Double.parseDouble(option(args, "--max-seconds", "1.0")), 3);
                System.out.println("generated " + files.size() + " recordings into " + dataset);
            }
        }
        ClusterIngestBenchmark bench = new ClusterIngestBenchmark(work, dataset,
                words(option(args, "--java-opts", "-Xmx256m")), Integer.parseInt(option(args, "--grid-size", "8")));
        long[] size = treeSize(dataset);
        System.out.printf(Locale.ROOT, "dataset %s: %d files, %.1f MiB; %d cores; load average now %s%n", dataset, size[0],
                size[1] / 1048576.0, Runtime.getRuntime().availableProcessors(), loadAverage());

        Map<String, List<Run>> runs = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            for (int workers : new int[] {1, 2, 0}) {
                Run run = bench.run(workers);
                runs.computeIfAbsent(run.label(), k -> new ArrayList<>()).add(run);
                System.out.println("round " + r + ": " + run);
            }
        }
        System.out.println();
        System.out.println("| setup | ingestFilesStep (best) | files/s | MiB/s | whole manager process (best) | partitions per worker |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, Run> best = new LinkedHashMap<>();
        runs.forEach((label, list) -> {
            Run b = list.stream().min((x, y) -> Double.compare(x.stepSeconds(), y.stepSeconds())).orElseThrow();
            best.put(label, b);
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %.1f | %.2f | %.1f s | %s |%n", label, b.stepSeconds(),
                    b.files() / b.stepSeconds(), b.bytes() / 1048576.0 / b.stepSeconds(),
                    list.stream().mapToDouble(Run::processSeconds).min().orElse(0), b.partitionsPerWorker());
        });
        System.out.println();
        System.out.println("where the time went (best run of each setup; worker times summed over its partitions):");
        best.values().forEach(b -> System.out.println("  " + b.label() + ": " + b.breakdown()));
        Run one = best.get("manager + 1 worker");
        Run two = best.get("manager + 2 workers");
        if (one != null && two != null) {
            double ratio = one.stepSeconds() / two.stepSeconds();
            System.out.printf(Locale.ROOT, "RESULT|cluster ingest, 2 workers vs 1 (speed-up of ingestFilesStep)|%.2f s|%.2f s|%.2f|none (2-core machine)|measured%n",
                    one.stepSeconds(), two.stepSeconds(), ratio);
        }
    }

    record WorkerAccount(int partitions, long files, double busy, double takeIn, double catalogue, double lockWait,
                         double commit, double cpu) {
    }

    record Run(String label, long files, long bytes, double stepSeconds, double processSeconds, double managerLatency,
               Map<String, WorkerAccount> workers, double machineBusy, double postgresCpu, double rabbitCpu, double load) {

        String partitionsPerWorker() {
            if (workers.isEmpty()) {
                return "-";
            }
            return workers.values().stream().map(w -> Integer.toString(w.partitions())).reduce((a, b) -> a + " + " + b).orElse("");
        }

        String breakdown() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "step %.2f s; during the whole manager run: machine CPU busy %.0f %%, PostgreSQL %.1f s CPU (live backends), RabbitMQ %.1f s CPU; load average after %.1f",
                    stepSeconds, machineBusy * 100, postgresCpu, rabbitCpu, load));
            if (!workers.isEmpty()) {
                b.append(String.format(Locale.ROOT, "; manager: first partition started %.2f s after the step, ", managerLatency));
            }
            workers.forEach((node, w) -> b.append(String.format(Locale.ROOT,
                    "%n      worker %s: %d partitions, %d files, busy %.2f s = taking in %.2f s + cataloguing %.2f s (lock wait %.2f s)"
                            + " + committing %.2f s + rest %.2f s; %.1f s CPU",
                    node, w.partitions(), w.files(), w.busy(), w.takeIn(), w.catalogue(), w.lockWait(), w.commit(),
                    Math.max(0, w.busy() - w.takeIn() - w.catalogue() - w.commit()), w.cpu())));
            return b.toString();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: ingestFilesStep %.2f s (%.1f files/s), manager process %.1f s, partitions %s",
                    label, stepSeconds, files / stepSeconds, processSeconds, partitionsPerWorker());
        }
    }

    private Run run(int workerCount) throws Exception {
        runNumber++;
        String label = workerCount == 0 ? "single node (role all)" : "manager + " + workerCount + " worker" + (workerCount > 1 ? "s" : "");
        Path home = work.resolve("run-" + runNumber);
        deleteTree(home);
        linkTree(dataset, home.resolve("drop"));
        TestDatabases.Database db = TestDatabases.freshPostgres();
        String queue = TestBroker.uniqueQueue();
        List<String> common = new ArrayList<>(List.of("--home", home.toString(), "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--footage.ingest.quiet-period=0s", "--footage.partition.queue=" + queue,
                "--footage.partition.grid-size=" + gridSize, "--footage.partition.poll-interval=200ms",
                "--footage.partition.worker-poll=200ms"));
        List<Process> workers = new ArrayList<>();
        try {
            for (int i = 0; i < workerCount; i++) {
                Path log = home.resolve("worker-" + (i + 1) + ".log");
                List<String> args = new ArrayList<>(common);
                args.addAll(List.of("--server.port=0", "serve", "--role", "worker"));
                workers.add(start(args, log));
                // one at a time: the first migrates the fresh database
                awaitLine(workers.get(i), log, "serve: running", Duration.ofMinutes(3));
            }
            List<String> args = new ArrayList<>(common);
            if (workerCount > 0) {
                args.add("--footage.role=manager");
            }
            args.add("ingest");
            Path managerLog = home.resolve("manager.log");
            CpuSample before = CpuSample.take(workers);
            long t0 = System.nanoTime();
            Process manager = start(args, managerLog);
            if (!manager.waitFor(30, TimeUnit.MINUTES)) {
                manager.destroyForcibly();
                throw new IllegalStateException("the manager did not finish in 30 minutes; see " + managerLog);
            }
            double processSeconds = (System.nanoTime() - t0) / 1e9;
            CpuSample after = CpuSample.take(workers);
            if (manager.exitValue() != 0) {
                throw new IllegalStateException(label + ": ingest exited " + manager.exitValue() + "; see " + managerLog);
            }
            return account(label, db, home, workers, processSeconds, before, after);
        } finally {
            for (Process w : workers) {
                w.destroy();
            }
            for (Process w : workers) {
                if (!w.waitFor(60, TimeUnit.SECONDS)) {
                    w.destroyForcibly();
                }
            }
            TestBroker.deleteQueue(queue);
            keepLogsAndDelete(home);
        }
    }

    private Run account(String label, TestDatabases.Database db, Path home, List<Process> workers, double processSeconds,
                        CpuSample before, CpuSample after) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement()) {
            LocalDateTime stepStart;
            LocalDateTime stepEnd;
            try (ResultSet rs = s.executeQuery("SELECT START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'ingestFilesStep'")) {
                rs.next();
                stepStart = rs.getTimestamp(1).toLocalDateTime();
                stepEnd = rs.getTimestamp(2).toLocalDateTime();
            }
            long files;
            long bytes;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM dump_files WHERE status <> 'PENDING'")) {
                rs.next();
                files = rs.getLong(1);
                bytes = rs.getLong(2);
            }
            LocalDateTime firstPartition = null;
            Map<String, Integer> partitions = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT s.START_TIME, c.node_id FROM BATCH_STEP_EXECUTION s "
                    + "JOIN partition_claims c ON c.step_execution_id = s.STEP_EXECUTION_ID")) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(1);
                    if (t != null && (firstPartition == null || t.toLocalDateTime().isBefore(firstPartition))) {
                        firstPartition = t.toLocalDateTime();
                    }
                    partitions.merge(rs.getString(2), 1, Integer::sum);
                }
            }
            double step = Duration.between(stepStart, stepEnd).toNanos() / 1e9;
            double latency = firstPartition == null ? 0 : Duration.between(stepStart, firstPartition).toNanos() / 1e9;
            Map<String, WorkerAccount> accounts = new LinkedHashMap<>();
            for (int i = 0; i < workers.size(); i++) {
                Process w = workers.get(i);
                String node = partitions.keySet().stream().filter(n -> n.contains(":" + w.pid() + ":")).findFirst().orElse("pid " + w.pid());
                accounts.put("w" + (i + 1), parse(home.resolve("worker-" + (i + 1) + ".log"), partitions.getOrDefault(node, 0),
                        after.process(w.pid()) - before.process(w.pid())));
            }
            double machineBusy = after.machineBusy(before);
            return new Run(label, files, bytes, step, processSeconds, latency, accounts, machineBusy,
                    after.postgres - before.postgres, after.rabbit - before.rabbit, after.load);
        }
    }

    private static WorkerAccount parse(Path log, int partitions, double cpu) throws IOException {
        long files = 0;
        double busy = 0;
        double takeIn = 0;
        double catalogue = 0;
        double lock = 0;
        double commit = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = ENDED.matcher(line);
            if (m.find()) {
                files += Long.parseLong(m.group(1));
                busy += Double.parseDouble(m.group(2));
                takeIn += Double.parseDouble(m.group(3));
                catalogue += Double.parseDouble(m.group(4));
                lock += Double.parseDouble(m.group(5));
                commit += Double.parseDouble(m.group(6));
            }
        }
        return new WorkerAccount(partitions, files, busy, takeIn, catalogue, lock, commit, cpu);
    }

    /**
     * CPU seconds from /proc: the whole machine, PostgreSQL's processes (a backend that ended meanwhile, like the
     * manager's, is missing from the second sample: a lower bound), RabbitMQ's, and each given process.
     */
    private record CpuSample(long machineBusy, long machineTotal, double postgres, double rabbit, Map<Long, Double> processes,
                             double load) {

        private static final double TICK = 100.0;

        static CpuSample take(List<Process> watched) throws IOException {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            double postgres = 0;
            double rabbit = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String comm = read(p.resolve("comm"));
                    if (comm.startsWith("postgres")) {
                        postgres += ticks(p);
                    } else if (comm.startsWith("beam")) {
                        rabbit += ticks(p);
                    }
                }
            }
            Map<Long, Double> processes = new LinkedHashMap<>();
            for (Process w : watched) {
                processes.put(w.pid(), ticks(Path.of("/proc", Long.toString(w.pid()))));
            }
            return new CpuSample(total - idle, total, postgres, rabbit, processes, Double.parseDouble(loadAverage().split(" ")[0]));
        }

        double process(long pid) {
            return processes.getOrDefault(pid, 0.0);
        }

        double machineBusy(CpuSample before) {
            long t = machineTotal - before.machineTotal;
            return t == 0 ? 0 : (double) (machineBusy - before.machineBusy) / t;
        }

        private static double ticks(Path proc) {
            String stat = read(proc.resolve("stat"));
            if (stat.isEmpty()) {
                return 0;
            }
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime (fields 14 and 15 of stat)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
        }

        private static String read(Path p) {
            try {
                return Files.readString(p).trim();
            } catch (IOException e) {
                return ""; // the process ended meanwhile
            }
        }
    }

    private Process start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOpts);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "footage.jobs.cli.Cli"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLine(Process p, Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("process ended before '" + text + "'; see " + log);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no '" + text + "' within " + timeout + "; see " + log);
    }

    /** The archive of a run is as big as the dataset: only the logs are kept, in {@code work/logs}. */
    private void keepLogsAndDelete(Path home) throws IOException {
        Path logs = Files.createDirectories(work.resolve("logs"));
        try (Stream<Path> list = Files.list(home)) {
            for (Path log : list.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.move(log, logs.resolve(home.getFileName() + "-" + log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteTree(home);
    }

    private static void linkTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createLink(target, p);
                }
            }
        }
    }

    private static long[] treeSize(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            return new long[] {files.size(), bytes};
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }
}
