package footage.jobs.partition;

import footage.jobs.catalog.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * Wraps a single-node step's processor and writer for workers, where two processes may hold the same item: a
 * partition restarted while its first worker still runs, or a stale request. What must happen once is the catalog's
 * settling of the item (a file archived, a derivative catalogued, an object's fixity result of this audit). So the
 * write first takes a lock every process settling that item must take ({@link Rule}), and only then asks {@link Done}
 * whether the item is still to do: one another process settled meanwhile is left as that process settled it. The
 * processor asks too, without the lock, so that stale work is not even started.
 * <p>
 * The ingest takes the catalog lock (the ledger's), which also makes the writer's "is this content catalogued
 * already?" see every committed recording, so two workers with identical content link the second copy instead of
 * colliding on {@code recordings.sha256}. The transcode and the fixity audit take the recording's row: the lock the
 * retention sweep takes before the ledger's, so taking the ledger's first here could deadlock against a sweep.
 */
public final class SettleOnce {

    private SettleOnce() {
    }

    /** Whether an item is settled in the catalog already, by this run or another process. */
    @FunctionalInterface
    public interface Done<I> {

        /** Empty while the item is still to do; else how it was settled, for the log. */
        Optional<String> already(I item, StepExecution partition);
    }

    /**
     * What an item is settled under, and how to tell it is settled already.
     *
     * @param whileProcessing the lock is taken before the item is processed and held to the chunk's commit, so that a
     *                        second run of the item waits and then finds it done instead of doing the work again
     */
    public record Rule<I>(BiConsumer<JdbcClient, I> lock, boolean whileProcessing, Done<I> done) {

        /**
         * Under the catalog lock every catalog write takes (the ledger's), from the write on: held while taking a
         * file in, it would serialise the whole cluster.
         */
        public static <I> Rule<I> underCatalogLock(Done<I> done) {
            return new Rule<>((jdbc, item) -> jdbc.sql("SELECT id FROM ledger_lock WHERE id = 1 FOR UPDATE")
                    .query(Integer.class).single(), false, done);
        }

        /**
         * Under the row of the recording the item is about, from before it is processed (a transcode, a re-hash):
         * only work on the same recording waits. {@link Recordings#lock} says why it is a no-op update.
         */
        public static <I> Rule<I> underRecordingLock(ToLongFunction<I> recordingId, Done<I> done) {
            return new Rule<>((jdbc, item) -> Recordings.lock(jdbc, recordingId.applyAsLong(item)), true, done);
        }
    }

    /** A processed item, still carrying which catalog row it settles. */
    record Settling<I>(I item, Object outcome) {
    }

    static final class Processor<I> implements ItemProcessor<I, Settling<I>> {

        private static final Logger log = LoggerFactory.getLogger(Processor.class);

        private final ItemProcessor<I, ?> delegate;
        private final Rule<I> rule;
        private final JdbcClient jdbc;
        private final PartitionTimes times;

        Processor(ItemProcessor<I, ?> delegate, Rule<I> rule, JdbcClient jdbc, PartitionTimes times) {
            this.delegate = delegate;
            this.rule = rule;
            this.jdbc = jdbc;
            this.times = times;
        }

        @Override
        public Settling<I> process(I item) throws Exception {
            if (rule.whileProcessing()) {
                rule.lock().accept(jdbc, item);
            }
            Optional<String> already = rule.done().already(item, partition());
            if (already.isPresent()) {
                log.info("{}: left as it is, settled by another run", already.get());
                return null;
            }
            long start = System.nanoTime();
            Object outcome = delegate.process(item);
            times.tookIn(System.nanoTime() - start);
            return outcome == null ? null : new Settling<>(item, outcome);
        }
    }

    static final class Writer<I> implements ItemWriter<Settling<I>> {

        private static final Logger log = LoggerFactory.getLogger(Writer.class);

        private final ItemWriter<Object> delegate;
        private final Rule<I> rule;
        private final JdbcClient jdbc;
        private final PartitionTimes times;

        @SuppressWarnings("unchecked")
        Writer(ItemWriter<?> delegate, Rule<I> rule, JdbcClient jdbc, PartitionTimes times) {
            this.delegate = (ItemWriter<Object>) delegate;
            this.rule = rule;
            this.jdbc = jdbc;
            this.times = times;
        }

        @Override
        public void write(Chunk<? extends Settling<I>> chunk) throws Exception {
            long start = System.nanoTime();
            for (Settling<I> s : chunk) {
                rule.lock().accept(jdbc, s.item());
            }
            long locked = System.nanoTime();
            try {
                settle(chunk);
            } finally {
                times.catalogued(System.nanoTime() - start, locked - start);
            }
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                // the commit holds the lock until the database has the change on disk
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

        private void settle(Chunk<? extends Settling<I>> chunk) throws Exception {
            StepExecution partition = partition();
            List<Object> fresh = new ArrayList<>();
            for (Settling<I> s : chunk) {
                Optional<String> already = rule.done().already(s.item(), partition);
                if (already.isEmpty()) {
                    fresh.add(s.outcome());
                } else {
                    log.info("{}: settled meanwhile by another run, left as it is", already.get());
                }
            }
            if (!fresh.isEmpty()) {
                delegate.write(new Chunk<>(fresh));
            }
        }
    }

    private static StepExecution partition() {
        StepContext context = StepSynchronizationManager.getContext();
        return context == null ? null : context.getStepExecution();
    }
}
