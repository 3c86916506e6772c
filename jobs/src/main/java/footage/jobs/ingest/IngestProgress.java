package footage.jobs.ingest;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The ingest's progress lines ("[3/20] dump/file (120.0 MiB of 2.0 GiB, …)") for whoever watches a run besides the
 * log: a command-line ingest handed to {@code serve} ({@link IngestHandOff}) shows them as its own run would.
 */
@Component
class IngestProgress {

    private final List<Consumer<String>> watchers = new CopyOnWriteArrayList<>();

    void tell(String line) {
        watchers.forEach(w -> w.accept(line));
    }

    /** Until the returned handle is closed. */
    AutoCloseable watch(Consumer<String> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }
}
