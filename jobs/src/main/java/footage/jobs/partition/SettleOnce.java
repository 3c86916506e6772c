package footage.jobs.partition;

import footage.jobs.catalog.PendingFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the single-node ingest processor and writer for workers, where two processes may hold the same file: a
 * partition restarted while its first worker still runs, or a stale request. The processor's archive copy is already
 * idempotent (content-addressed, never replacing); what must happen once is the catalog's settling of the file. So the
 * write first takes the lock every catalog write takes anyway (the ledger's), and only then looks whether the file is
 * still PENDING: a file another process settled meanwhile is left as that process settled it. Taking the lock first
 * also makes the writer's "is this content catalogued already?" look-up see every committed recording, so two workers
 * with identical content link the second copy instead of colliding on {@code recordings.sha256}.
 */
final class SettleOnce {

    private SettleOnce() {
    }

    /** A processed file, still carrying which catalog row it settles. */
    record Settling(PendingFile file, Object outcome) {
    }

    static final class Processor implements ItemProcessor<PendingFile, Settling> {

        private final ItemProcessor<PendingFile, ?> delegate;
        private final PartitionTimes times;

        Processor(ItemProcessor<PendingFile, ?> delegate, PartitionTimes times) {
            this.delegate = delegate;
            this.times = times;
        }

        @Override
        public Settling process(PendingFile file) throws Exception {
            long start = System.nanoTime();
            Object outcome = delegate.process(file);
            times.tookIn(System.nanoTime() - start);
            return outcome == null ? null : new Settling(file, outcome);
        }
    }

    static final class Writer implements ItemWriter<Settling> {

        private static final Logger log = LoggerFactory.getLogger(Writer.class);

        private final ItemWriter<Object> delegate;
        private final JdbcClient jdbc;
        private final PartitionTimes times;

        @SuppressWarnings("unchecked")
        Writer(ItemWriter<?> delegate, JdbcClient jdbc, PartitionTimes times) {
            this.delegate = (ItemWriter<Object>) delegate;
            this.jdbc = jdbc;
            this.times = times;
        }

        @Override
        public void write(Chunk<? extends Settling> chunk) throws Exception {
            long start = System.nanoTime();
            jdbc.sql("SELECT id FROM ledger_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
            long locked = System.nanoTime();
            try {
                settle(chunk);
            } finally {
                times.catalogued(System.nanoTime() - start, locked - start);
            }
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                // the commit holds the catalog lock until the database has the change on disk
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    private long commitStart;

                    @Override
                    public void beforeCommit(boolean readOnly) {
                        commitStart = System.nanoTime();
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (commitStart != 0) {
                            times.committed(System.nanoTime() - commitStart);
                        }
                    }
                });
            }
        }

        private void settle(Chunk<? extends Settling> chunk) throws Exception {
            List<Object> fresh = new ArrayList<>();
            for (Settling s : chunk) {
                String status = jdbc.sql("SELECT status FROM dump_files WHERE id = ?").param(s.file().id())
                        .query(String.class).single();
                if ("PENDING".equals(status)) {
                    fresh.add(s.outcome());
                } else {
                    log.info("ingest: {}/{} was settled meanwhile by another run ({}): left as it is",
                            s.file().dumpFolder(), s.file().path(), status);
                }
            }
            if (!fresh.isEmpty()) {
                delegate.write(new Chunk<>(fresh));
            }
        }
    }
}
