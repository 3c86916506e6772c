package footage.jobs.partition;

import footage.jobs.catalog.PendingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the pending files of one partition's id range, one at a time. As in the single-node step, the catalog is the
 * restart state: only PENDING files are read, so a partition run again takes exactly the files still unsettled.
 * One instance serves one partition at a time: a worker runs its partitions one after another.
 */
class PartitionFileReader implements ItemStreamReader<PendingFile> {

    private static final Logger log = LoggerFactory.getLogger(PartitionFileReader.class);

    private final PartitionFiles files;
    private IdRange range = IdRange.EMPTY;
    private long lastId;
    private long total;
    private long read;

    PartitionFileReader(PartitionFiles files) {
        this.files = files;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        range = IdRange.of(executionContext);
        lastId = range.first() - 1;
        read = 0;
        PartitionFiles.Count pending = files.pendingIn(range);
        total = pending.files();
        log.info("ingest partition ({}): {} file(s) to take in, {} bytes", range, total, pending.bytes());
    }

    @Override
    public PendingFile read() {
        if (range.isEmpty()) {
            return null;
        }
        PendingFile next = files.next(range, lastId).orElse(null);
        if (next != null) {
            lastId = next.id();
            read++;
            log.info("ingest: [{}/{}] {}/{}", read, Math.max(total, read), next.dumpFolder(), next.path());
        }
        return next;
    }
}
