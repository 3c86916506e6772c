package footage.jobs.retention;

import footage.jobs.TestDatabases;
import footage.jobs.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Retention end to end on a real PostgreSQL catalog. */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.export.organization=test bureau"})
// its configuration is its own: the context is closed after the class, so its connections go back at once
@DirtiesContext
class PostgresRetentionSweepTests extends AbstractRetentionSweepTests {

    @Autowired
    RetentionRows rows;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionTemplate tx;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        home(registry, "pg");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        // a shared test server has a connection limit that every cached context's pool counts against
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    }

    @Test
    void aSweepLockingARecordingWaitsForTheLedgerSoAnIngestLinkingToItCannotDeadlockWithIt() throws Exception {
        // given an ingest's transaction that holds the ledger's lock (as it does while it settles a file) and is about
        // to link a file to a recording (the foreign key check needs that recording's row)
        long recording = jdbc.sql("SELECT MIN(id) FROM recordings").query(Long.class).single();
        long file = jdbc.sql("SELECT MIN(id) FROM dump_files WHERE recording_id IS NULL OR recording_id <> ?")
                .param(recording).query(Long.class).single();
        CountDownLatch ledgerHeld = new CountDownLatch(1);
        CountDownLatch sweepStarted = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<?> ingest = two.submit(() -> tx.executeWithoutResult(s -> {
                ledger.lockAppends();
                ledgerHeld.countDown();
                await(sweepStarted);
                pause(); // the sweep takes whatever it takes first meanwhile
                jdbc.sql("UPDATE dump_files SET recording_id = ? WHERE id = ?").params(recording, file).update();
                s.setRollbackOnly();
            }));
            await(ledgerHeld);

            // when the sweep locks that recording and then records its move in the ledger
            Future<?> sweep = two.submit(() -> tx.executeWithoutResult(s -> {
                sweepStarted.countDown();
                rows.lock(recording);
                ledger.append("SWEEP_LOCK_ORDER_PROBE", "recording:" + recording, "test", Map.of());
                s.setRollbackOnly();
            }));

            // then both finish: without the ledger taken first PostgreSQL finds a deadlock and aborts one of them
            ingest.get(60, TimeUnit.SECONDS);
            sweep.get(60, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
