package footage.jobs.ingest;

import footage.pipeline.archive.ReadAhead;
import footage.pipeline.archive.SourceFile;
import footage.pipeline.dump.DumpFile;
import footage.pipeline.dump.DumpInspector;
import footage.pipeline.dump.RawNames;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Reads the first files of the drop folder's dumps into the page cache while {@code footage ingest}'s JVM and context
 * start (a second or two in which the disk would stand idle), in the order the run will take them in: dump folders by
 * name, each dump's files as its manifest lists them. Once the job runs, its reader has the next file read ahead itself
 * ({@link ReadAhead}). Only an optimisation, and a read-only one: each file is opened as the copy opens it (a regular
 * file, never through a link), nothing is registered, moved or written, whatever goes wrong is ignored (the run looks at
 * the drop folder itself and says what is wrong), and at most {@link #budget()} bytes are read, so the run's own files
 * are not pushed out of a small machine's cache.
 */
final class DropReadAhead implements AutoCloseable {

    private static final long MAX_BUDGET = 1L << 30;

    private final Thread thread;
    private final AtomicLong bytesRead = new AtomicLong();
    private final List<Path> files = Collections.synchronizedList(new ArrayList<>());

    private DropReadAhead(Path drop, String doneFolder, long budget) {
        thread = new Thread(() -> readDrop(drop, doneFolder, budget), "footage-drop-read-ahead");
        thread.setDaemon(true);
    }

    /** Starts reading the drop folder's first {@code budget} bytes of dump files on a background thread. */
    static DropReadAhead start(Path drop, String doneFolder, long budget) {
        DropReadAhead readAhead = new DropReadAhead(drop, doneFolder, budget);
        readAhead.thread.start();
        return readAhead;
    }

    /** 1 GiB, or a sixteenth of the machine's memory when that is less. */
    static long budget() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.min(MAX_BUDGET, os.getTotalMemorySize() / 16);
        }
        return MAX_BUDGET / 4;
    }

    long bytesRead() {
        return bytesRead.get();
    }

    /** The files read so far, in the order they were read. */
    List<Path> files() {
        synchronized (files) {
            return List.copyOf(files);
        }
    }

    /** Waits (bounded) for the reading to end; for tests. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    /** Stops the reading at its next block: the run's own reads take over. */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void readDrop(Path drop, String doneFolder, long budget) {
        try {
            if (!Files.isDirectory(drop, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            // quiet period zero: a dump still being written is read too; at worst those bytes are read twice
            DumpInspector inspector = new DumpInspector(drop, Duration.ZERO, Clock.systemUTC());
            List<Path> folders;
            try (Stream<Path> list = Files.list(drop)) {
                folders = list.sorted().filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals(doneFolder)).toList();
            }
            long left = budget;
            for (Path folder : folders) {
                for (DumpFile file : inspector.inspect(folder).files()) {
                    if (left <= 0 || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    if (file.readable()) {
                        left -= read(folder, RawNames.resolve(folder, file.path(), file.rawPath()), left);
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the run inspects the drop folder itself and reports what is wrong with it
        }
    }

    private long read(Path folder, Path file, long limit) throws IOException {
        SourceFile.Registered now = SourceFile.observe(file);
        if (now == null) {
            return 0;
        }
        files.add(file);
        return ReadAhead.read(folder, file, now, limit, bytesRead);
    }
}
