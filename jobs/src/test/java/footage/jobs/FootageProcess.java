package footage.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a separate JVM ({@code java -cp <test classpath> footage.jobs.FootageApplication ...}), as a
 * schedule, an operator or a crash would run it. Its stdout and stderr go to a file (never a pipe nobody reads, which
 * would block it once full); stdin stays open so a test can tell a paused run to go on ({@code resume}).
 */
public final class FootageProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("serve: running \\(port (\\d+)\\)");

    private final Process process;
    private final Path output;
    private final String name;

    private FootageProcess(Process process, Path output, String name) {
        this.process = process;
        this.output = output;
        this.name = name;
    }

    /** Starts {@code footage --home HOME ARGS...}; the output goes to {@code output}. */
    public static FootageProcess start(Path home, Path output, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "footage.jobs.cli.Cli", "--home", home.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new FootageProcess(p, output, output.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code footage serve} on a PostgreSQL test database (null: the home's embedded H2), tuned for tests: any free port, a 1 s heartbeat and 3 s lease,
     * the ingest schedule every 2 s and the other schedules off. {@code extra} options ({@code --key=value}) replace
     * these defaults (a property given twice would reach Spring as "a,b").
     */
    public static FootageProcess serve(Path home, Path output, TestDatabases.Database db, String... extra) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--server.port", "0");
        options.put("--footage.ingest.quiet-period", "0s");
        options.put("--footage.operations.heartbeat", "1s");
        options.put("--footage.operations.lease", "3s");
        options.put("--footage.operations.shutdown-grace", "20s");
        options.put("--footage.schedule.ingest.cron", "*/2 * * * * ?");
        for (String off : List.of("report", "fixity", "sweep", "transcode", "supervision")) {
            options.put("--footage.schedule." + off + ".enabled", "false");
        }
        return start(home, output, withOptions("serve", options, db, extra));
    }

    /** A one-shot command ({@code ingest}, {@code jobs restart 7}, ...) on a PostgreSQL test database, or H2 (null). */
    public static FootageProcess command(Path home, Path output, TestDatabases.Database db, List<String> words, String... extra) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--footage.ingest.quiet-period", "0s");
        options.put("--footage.operations.heartbeat", "1s");
        options.put("--footage.operations.lease", "3s");
        return start(home, output, withOptions(String.join(" ", words), options, db, extra));
    }

    private static List<String> withOptions(String command, Map<String, String> options, TestDatabases.Database db,
                                            String... extra) {
        for (String e : extra) {
            int eq = e.indexOf('=');
            options.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? null : e.substring(eq + 1));
        }
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        options.forEach((k, v) -> args.add(v == null ? k : k + "=" + v));
        if (db != null) {
            args.addAll(postgres(db));
        }
        return args;
    }

    /**
     * A fresh folder for the processes' output of one test case, kept after the run for a post-mortem:
     * {@code target/footage-processes/<test class>/<case>/}.
     */
    public static Path logs(Class<?> test, String testCase) {
        Path dir = Path.of("target", "footage-processes", test.getSimpleName(), testCase.replaceAll("[^A-Za-z0-9._-]", "_"))
                .toAbsolutePath();
        try {
            if (Files.isDirectory(dir)) {
                try (var old = Files.list(dir)) {
                    for (Path f : old.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The usual command-line options to use a PostgreSQL test database, with a small connection pool: the server's
     * connections are shared by every test process on this machine (Hikari opens its whole pool at start).
     */
    public static List<String> postgres(TestDatabases.Database db) {
        return List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--spring.datasource.hikari.maximum-pool-size=6");
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    public List<String> lines() {
        return output().lines().toList();
    }

    /** Waits for the first output line that matches; fails with the output when the process ends or time runs out. */
    public String awaitLine(Predicate<String> wanted, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = output().lines().filter(wanted).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                // one more look: the line may have been written just before the end
                line = output().lines().filter(wanted).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") without " + what + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": no " + what + " within " + timeout + ":\n" + tail());
            }
            sleep(50);
        }
    }

    /** {@code PAUSED <point>} printed by the pause hook ({@code footage.debug.pause-at}). */
    public String awaitPause(Duration timeout) {
        return awaitLine(l -> l.startsWith("PAUSED "), timeout, "PAUSED line");
    }

    /** The HTTP port {@code serve} listens on, once it says it runs. */
    public int awaitServing(Duration timeout) {
        String line = awaitLine(l -> PORT.matcher(l).find(), timeout, "'serve: running' line");
        Matcher m = PORT.matcher(line);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    /** Lets a paused run go on. */
    public void resume() {
        try {
            OutputStream in = process.getOutputStream();
            in.write("resume\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as a power loss would leave it. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /**
     * Sends SIGTERM and returns at once. Through the process handle: {@link Process#destroy()} sends the same signal but
     * also closes our end of the process's stdin, and a paused run could then not be told to {@link #resume()}.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }

    /** SIGTERM: returns the exit code, or fails when the process did not end in time. */
    public int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not end within " + timeout + ":\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** The first and last lines of output, for failure messages. */
    public String tail() {
        List<String> lines = lines();
        if (lines.size() <= 100) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, 50)) + "\n[...]\n" + String.join("\n", lines.subList(lines.size() - 50, lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
