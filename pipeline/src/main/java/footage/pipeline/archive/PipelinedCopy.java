package footage.pipeline.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The copy of a large file with its costs overlapped instead of paid in turn. The calling thread has the kernel
 * copy the source into the temporary file block by block ({@link FileChannel#transferTo}: no trip through user
 * space); one thread per digest follows behind it and hashes each block <em>as it is in the temporary file</em>, so
 * the digest is of the archived bytes themselves, which is the verification of docs/architecture.md §4; another thread starts the
 * write-back of what is copied so far, so the final fsync only waits for the tail.
 *
 * <p>Measured on the 2-core machine (BENCHMARKS.md §1): moving the bytes through a user-space buffer cost four times
 * the CPU of the kernel's copy, and done in turn, read→hash→write→fsync took 3.5 times as long as hashing alone.
 */
final class PipelinedCopy {

    static final int BLOCK = 4 << 20;
    /** How much copied data may wait for write-back before a background flush starts. */
    private static final long FLUSH_EVERY = 64L << 20;

    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(new DaemonThreads());

    private PipelinedCopy() {
    }

    /** Copies {@code in} from its start into {@code out}, the new file {@code temp}; the caller closes both. */
    static CopyResult copy(FileChannel in, FileChannel out, Path temp, MessageDigest sha, MessageDigest md5, long total,
                           CopyListener listener) throws IOException {
        Progress copied = new Progress();
        List<Future<?>> hashers = new ArrayList<>();
        Future<?> flush = CompletableFuture.completedFuture(null);
        boolean finished = false;
        try {
            // MD5, when asked for, gets a thread of its own: on two cores both digests cost about what SHA-256 does
            hashers.add(HELPERS.submit(new Hasher(temp, sha, copied)));
            if (md5 != null) {
                hashers.add(HELPERS.submit(new Hasher(temp, md5, copied)));
            }
            long done = 0;
            long flushedTo = 0;
            while (true) {
                long n = in.transferTo(done, BLOCK, out);
                if (n <= 0) {
                    break;
                }
                done += n;
                copied.advance(done);
                failFast(hashers);
                listener.copying(temp, done, total);
                if (done - flushedTo >= FLUSH_EVERY && flush.isDone()) {
                    check(flush);
                    flushedTo = done;
                    flush = HELPERS.submit(() -> {
                        out.force(false);
                        return null;
                    });
                }
            }
            copied.end();
            for (Future<?> h : hashers) {
                check(h);
            }
            check(flush);
            out.force(true);
            finished = true;
            HexFormat hex = HexFormat.of();
            return new CopyResult(hex.formatHex(sha.digest()), md5 == null ? null : hex.formatHex(md5.digest()), done);
        } finally {
            if (!finished) {
                copied.end();
                hashers.forEach(h -> h.cancel(true));
                flush.cancel(false);
                awaitQuietly(flush);
            }
        }
    }

    /** How far the copy has got; hashers wait on it. */
    private static final class Progress {
        private long copied;
        private boolean ended;

        synchronized void advance(long to) {
            copied = to;
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** Waits until more than {@code from} bytes are copied; the copied length, or -1 once the copy ended there. */
        synchronized long beyond(long from) throws InterruptedException {
            while (copied <= from && !ended) {
                wait();
            }
            return copied > from ? copied : -1;
        }
    }

    /** Reads the temporary file behind the copy and digests it. */
    private static final class Hasher implements Callable<Void> {
        private final Path temp;
        private final MessageDigest digest;
        private final Progress copied;

        Hasher(Path temp, MessageDigest digest, Progress copied) {
            this.temp = temp;
            this.digest = digest;
            this.copied = copied;
        }

        @Override
        public Void call() throws IOException, InterruptedException {
            ByteBuffer buf = ByteBuffer.allocateDirect(BLOCK);
            try (FileChannel written = FileChannel.open(temp, StandardOpenOption.READ)) {
                long hashed = 0;
                long available;
                while ((available = copied.beyond(hashed)) >= 0) {
                    while (hashed < available) {
                        buf.clear();
                        buf.limit((int) Math.min(BLOCK, available - hashed));
                        int n = written.read(buf, hashed);
                        if (n <= 0) {
                            throw new IOException("the temporary copy " + temp + " ends at " + hashed
                                    + " bytes, but " + available + " were copied into it");
                        }
                        buf.flip();
                        digest.update(buf);
                        hashed += n;
                    }
                }
            }
            return null;
        }
    }

    private static void failFast(List<Future<?>> hashers) throws IOException {
        for (Future<?> h : hashers) {
            if (h.isDone()) {
                check(h);
            }
        }
    }

    private static void check(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("copy helper failed: " + cause, cause);
        }
    }

    private static void awaitQuietly(Future<?> task) {
        try {
            task.get();
        } catch (Exception ignored) {
            // the copy already failed; its own exception is the one to report
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "footage-copy-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
