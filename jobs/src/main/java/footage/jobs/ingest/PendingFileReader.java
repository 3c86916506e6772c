package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.PendingFile;
import footage.pipeline.archive.ReadAhead;
import footage.pipeline.archive.SourceFile;
import footage.pipeline.dump.RawNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.nio.file.Path;

/**
 * Reads the catalog's pending files one at a time. The catalog itself is the restart state: a file stays PENDING
 * until the chunk that settles it commits, so a restarted or new run picks up exactly the unfinished ones. Each read
 * also has the file after it read ahead ({@link ReadAhead}), so its bytes come from the disk while this one is worked on.
 */
class PendingFileReader implements ItemStreamReader<PendingFile> {

    private static final Logger log = LoggerFactory.getLogger(PendingFileReader.class);

    private final Catalog catalog;
    private final FootageProperties properties;
    private final ReadAhead readAhead;
    private final IngestProgress progress;
    private long lastId;
    private long total;
    private long read;
    private long totalBytes;
    private long bytesRead;
    private long startedNanos;

    PendingFileReader(Catalog catalog, FootageProperties properties, ReadAhead readAhead, IngestProgress progress) {
        this.catalog = catalog;
        this.properties = properties;
        this.readAhead = readAhead;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        lastId = 0;
        read = 0;
        total = catalog.countPending();
        totalBytes = catalog.pendingBytes();
        bytesRead = 0;
        startedNanos = System.nanoTime();
        tell("ingest: " + total + " file(s) to take in, " + footage.jobs.Sizes.bytes(totalBytes));
    }

    @Override
    public PendingFile read() {
        PendingFile next = catalog.nextPending(lastId).orElse(null);
        if (next != null) {
            lastId = next.id();
            read++;
            tell("ingest: [" + read + "/" + Math.max(total, read) + "] "
                    + footage.pipeline.text.DisplayText.escapeControls(next.dumpFolder()) + "/"
                    + footage.pipeline.text.DisplayText.escapeControls(next.path())
                    + " (" + Progress.of(bytesRead, totalBytes, System.nanoTime() - startedNanos) + ")");
            bytesRead += next.size() == null ? 0 : next.size();
            catalog.nextPending(next.id()).ifPresent(this::readAhead);
        }
        return next;
    }

    private void tell(String line) {
        log.info("{}", line);
        progress.tell(line);
    }

    /** Resolved as the processor resolves it; a file discovery could not size is left to the copy. */
    private void readAhead(PendingFile file) {
        if (file.size() == null) {
            return;
        }
        Path dump = properties.drop().resolve(file.dumpFolder());
        readAhead.warm(dump, RawNames.resolve(dump, file.path(), file.rawPath()),
                new SourceFile.Registered(file.size(), file.mtimeNanos(), file.fileKey()));
    }
}
