package footage.jobs.ingest;

import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.PendingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the catalog's pending files one at a time. The catalog itself is the restart state: a file stays PENDING
 * until the chunk that settles it commits, so a restarted or new run picks up exactly the unfinished ones.
 */
class PendingFileReader implements ItemStreamReader<PendingFile> {

    private static final Logger log = LoggerFactory.getLogger(PendingFileReader.class);

    private final Catalog catalog;
    private long lastId;
    private long total;
    private long read;
    private long totalBytes;
    private long bytesRead;
    private long startedNanos;

    PendingFileReader(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        lastId = 0;
        read = 0;
        total = catalog.countPending();
        totalBytes = catalog.pendingBytes();
        bytesRead = 0;
        startedNanos = System.nanoTime();
        log.info("ingest: {} file(s) to take in, {}", total, footage.jobs.Sizes.bytes(totalBytes));
    }

    @Override
    public PendingFile read() {
        PendingFile next = catalog.nextPending(lastId).orElse(null);
        if (next != null) {
            lastId = next.id();
            read++;
            log.info("ingest: [{}/{}] {}/{} ({})", read, Math.max(total, read),
                    footage.pipeline.text.DisplayText.escapeControls(next.dumpFolder()),
                    footage.pipeline.text.DisplayText.escapeControls(next.path()),
                    Progress.of(bytesRead, totalBytes, System.nanoTime() - startedNanos));
            bytesRead += next.size() == null ? 0 : next.size();
        }
        return next;
    }
}
