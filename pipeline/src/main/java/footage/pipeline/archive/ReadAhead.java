package footage.pipeline.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the next file of a dump into the page cache while the current one is copied, fsynced, probed and catalogued,
 * so the disk is kept reading instead of waiting for each file's turn (issue 21: from a cold cache the copy waited
 * on the disk's reads, then the disk waited on the rest of the file's work). Only an optimisation: the file is opened
 * as {@link SourceFile} opens it (never through a link, only while it is the registered regular file), whatever
 * goes wrong is ignored, and the copy opens and checks the file again itself. At most {@link #LIMIT} bytes of a file
 * are read ahead, so a very large recording cannot push the file being hashed out of the cache.
 */
public final class ReadAhead implements AutoCloseable {

    static final long LIMIT = 512L << 20;
    private static final Path DEV_NULL = Path.of("/dev/null");
    /** Requests waiting behind the one being read; older ones are dropped when the reads fall behind. */
    private static final int WAITING = 2;

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), ReadAhead::daemon, new ThreadPoolExecutor.DiscardOldestPolicy());
    private final AtomicLong bytesRead = new AtomicLong();

    /** Starts reading {@code file}, a file below {@code dumpFolder} registered as {@code registered}, in the background. */
    public void warm(Path dumpFolder, Path file, SourceFile.Registered registered) {
        Objects.requireNonNull(dumpFolder, "dumpFolder");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(registered, "registered");
        if (!thread.isShutdown()) {
            thread.execute(() -> read(dumpFolder, file, registered));
        }
    }

    /** Bytes read ahead so far (all files). */
    public long bytesRead() {
        return bytesRead.get();
    }

    private void read(Path dumpFolder, Path file, SourceFile.Registered registered) {
        read(dumpFolder, file, registered, LIMIT, bytesRead);
    }

    /**
     * Reads up to {@code limit} bytes of {@code file} (a regular file below {@code dumpFolder}, opened only while it is
     * still {@code registered}, never through a link) into the page cache on the calling thread, adding them to
     * {@code counted} as they come; stops early when the thread is interrupted. Whatever goes wrong is ignored: the
     * copy opens and checks the file again and says what is wrong with it. Returns the bytes read.
     * <p>
     * The bytes go to {@code /dev/null} by the kernel's {@code sendfile}, which brings them into the page cache and
     * copies nothing: reading them into a buffer to throw away cost a copy of every byte, 1.5 s of CPU per 2 GiB on the
     * 2-core machine, about a sixth of a cold ingest's (BENCHMARKS.md §1–3, cold cache).
     */
    public static long read(Path dumpFolder, Path file, SourceFile.Registered registered, long limit, AtomicLong counted) {
        long at = 0;
        try (SourceFile source = SourceFile.open(dumpFolder, file, registered);
             FileChannel nowhere = FileChannel.open(DEV_NULL, StandardOpenOption.WRITE)) {
            long n;
            while (at < limit && !Thread.currentThread().isInterrupted()
                    && (n = source.channel().transferTo(at, Math.min(PipelinedCopy.BLOCK, limit - at), nowhere)) > 0) {
                at += n;
                counted.addAndGet(n);
            }
        } catch (IOException | RuntimeException ignored) {
            // the copy opens the file again and reports what is wrong with it; a read ahead has nothing to add
        }
        return at;
    }

    /** Stops the reading: what is queued is dropped, a read in progress ends at its next block. */
    @Override
    public void close() {
        thread.shutdownNow();
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "footage-read-ahead");
        t.setDaemon(true);
        return t;
    }
}
