package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.debug.CrashPoint;
import footage.jobs.debug.DebugPause;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets crash tests stop the n-th file of a run at a named point and kill the process there for real
 * ({@code footage.debug.pause-at=after-rename:2}). Inert unless configured. A test that wants the run to go on
 * instead (after cutting the database off, or after SIGTERM) writes {@code resume} to the process's stdin.
 */
@Component
class PauseHook {

    private final CrashPoint point;
    private final AtomicInteger files = new AtomicInteger();
    /** The number of the file this thread works on: files of one chunk are taken in on threads of their own. */
    private final ThreadLocal<Integer> current = new ThreadLocal<>();
    private final java.util.concurrent.atomic.AtomicBoolean paused = new java.util.concurrent.atomic.AtomicBoolean();
    private final String ioErrorName;
    private final String ioErrorMessage;

    PauseHook(FootageProperties properties) {
        String fault = properties.debug().ioError();
        if (fault == null || fault.isBlank()) {
            ioErrorName = null;
            ioErrorMessage = null;
        } else {
            int colon = fault.indexOf(':');
            ioErrorName = colon < 0 ? fault : fault.substring(0, colon);
            ioErrorMessage = colon < 0 ? "Input/output error" : fault.substring(colon + 1);
        }
        point = CrashPoint.parse("footage.debug.pause-at", properties.debug().pauseAt());
    }

    /**
     * Stands for a read of a dump file's bytes: with {@code footage.debug.io-error=<name>} configured, throws the I/O
     * error a failing disk gives for every read of a file of that name. Inert otherwise.
     */
    void read(String path) throws java.io.IOException {
        if (ioErrorName != null && path.substring(path.lastIndexOf('/') + 1).equals(ioErrorName)) {
            throw new java.io.IOException(ioErrorMessage + " (footage.debug.io-error)");
        }
    }

    /** Called once per file as it starts, on the thread that takes it in. */
    void nextFile() {
        current.set(files.incrementAndGet());
    }

    /** Pauses once: a point inside a loop (mid-copy) goes on without stopping again after a resume. */
    void at(String here) {
        Integer file = current.get();
        if (point.is(here, file == null ? files.get() : file) && paused.compareAndSet(false, true)) {
            DebugPause.here(here);
        }
    }

    /**
     * A point of the commit of the chunk whose files are the last {@code chunkFiles} started: all of a chunk's files
     * start before it is written, and none of the next chunk's.
     */
    void atCommit(String here, int chunkFiles) {
        int last = files.get();
        for (int file = last - chunkFiles + 1; file <= last; file++) {
            if (point.is(here, file) && paused.compareAndSet(false, true)) {
                DebugPause.here(here);
                return;
            }
        }
    }

    /** A point of a step that is not about one file ({@code in-continuity}: findings written, not committed). */
    void atStep(String here) {
        if (point.is(here)) {
            DebugPause.here(here);
        }
    }
}
