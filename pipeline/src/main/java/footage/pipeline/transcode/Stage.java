package footage.pipeline.transcode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One step of a transcode on its own thread, fed through a small bounded queue, as the ffmpeg executable runs
 * decoding, filtering and encoding on threads of their own: a slow frame in one step does not stall the others.
 * Items are handled in order; a failure of the step reaches whoever feeds it at the next {@link #put}.
 *
 * @param <T> the work items; {@code free} releases the native memory of an item that will not be handled
 */
final class Stage<T> {

    /** Handles one item; returns false after the last one (the thread then ends). */
    interface Body<T> {
        boolean handle(T item) throws Exception;
    }

    private final BlockingQueue<T> queue;
    private final Consumer<T> free;
    private final Thread thread;
    private volatile Throwable failure;

    Stage(String name, int capacity, Body<T> body, Consumer<T> free) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.free = free;
        this.thread = new Thread(() -> {
            try {
                while (body.handle(queue.take())) {
                    // next item
                }
            } catch (InterruptedException stopped) {
                // aborted: the feeder failed or was cancelled
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits for room; fails at once when the step has failed or stopped. The item is freed when not taken. */
    void put(T item) throws IOException {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    free.accept(item);
                    throw failure();
                }
            }
        } catch (InterruptedException e) {
            free.accept(item);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing on work");
        }
        if (failure != null) {
            throw failure();
        }
    }

    /** Waits until the step has handled its last item; rethrows its failure. */
    void finish() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a transcode step");
        }
        if (failure != null) {
            throw failure();
        }
    }

    /** Stops the step wherever it is and frees what is still queued. Idempotent; safe when never started. */
    void abort() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (T item; (item = queue.poll()) != null; ) {
            free.accept(item);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private IOException failure() {
        Throwable t = failure;
        if (t == null) {
            return new IOException("a transcode step stopped");
        }
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IOException(t);
    }
}
