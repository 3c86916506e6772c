package footage.jobs.runs;

import footage.jobs.FootageProcess;
import footage.jobs.TestCatalog;
import footage.jobs.TestDatabases;
import footage.jobs.TestDumps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two restarts of the same failed execution at the same moment run its step once (Spring Batch 6.0.x alone would run
 * it twice, upstream issue 5397): exactly one new execution, the step's items written once, the other restart refused
 * in words. From two threads of one process, and from two {@code footage jobs restart ID} processes.
 */
class ConcurrentRestartTests {

    private static final String REFUSAL = "already running|another ingestJob is running|already being started|already restarted|its process is alive";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoThreadsRestartingOneFailedExecutionRunItsStepOnce() throws Exception {
        // given an ingest of three files killed after its first file, recovered as FAILED when the application starts
        TestDatabases.Database db = TestDatabases.freshPostgres();
        TestCatalog catalog = new TestCatalog(db);
        Path home = dir.resolve("home");
        Set<String> sources = TestDumps.drop(home.resolve("drop"), "threads", "DSJ0000901", 3);
        long failed = RunsFixture.crashedIngest(home, db, FootageProcess.logs(getClass(), "threads").resolve("ingest.log"),
                "after-commit:1");
        List<Object> outcomes = new ArrayList<>();
        try (ConfigurableApplicationContext app = RunsFixture.application(home, db)) {
            JobRuns runs = app.getBean(JobRuns.class);
            assertThat(catalog.executionStatus(failed)).isEqualTo("FAILED");

            // when two threads restart it at the same moment
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Object>> restarts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    restarts.add(threads.submit(() -> {
                        together.await();
                        try {
                            return runs.restart(failed);
                        } catch (JobRunRefused refused) {
                            return refused;
                        }
                    }));
                }
                for (Future<Object> f : restarts) {
                    outcomes.add(f.get(120, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }
        }

        // then one restart ran to COMPLETED and the other was refused, saying why
        assertThat(outcomes).filteredOn(JobExecution.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((JobExecution) e).getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(outcomes).filteredOn(JobRunRefused.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((JobRunRefused) e).getMessage()).containsPattern(REFUSAL));
        // and the instance has exactly one new execution, whose file step wrote the two remaining files once
        RunsFixture.restartedOnce(catalog, failed, List.of(1L, 2L), home, sources);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoRestartCommandsOfOneFailedExecutionRunItsStepOnce() {
        // given an ingest of three files killed after its first file (left STARTED, its process gone)
        TestDatabases.Database db = TestDatabases.freshPostgres();
        TestCatalog catalog = new TestCatalog(db);
        Path home = dir.resolve("home");
        Path logs = FootageProcess.logs(getClass(), "commands");
        Set<String> sources = TestDumps.drop(home.resolve("drop"), "commands", "DSJ0000902", 3);
        long failed = RunsFixture.crashedIngest(home, db, logs.resolve("ingest.log"), "after-commit:1");

        // when two `footage jobs restart ID` processes start at the same moment
        List<String> restart = List.of("jobs", "restart", Long.toString(failed));
        try (FootageProcess one = FootageProcess.command(home, logs.resolve("one.log"), db, restart);
             FootageProcess two = FootageProcess.command(home, logs.resolve("two.log"), db, restart)) {
            int first = one.awaitExit(Duration.ofSeconds(120));
            int second = two.awaitExit(Duration.ofSeconds(120));

            // then one restarted it to COMPLETED (exit 0), the other was refused in one readable line (exit 2)
            assertThat(List.of(first, second)).as(one.output() + "\n---\n" + two.output()).containsExactlyInAnyOrder(0, 2);
            FootageProcess won = first == 0 ? one : two;
            FootageProcess refused = first == 0 ? two : one;
            assertThat(won.output()).containsPattern("restarted execution " + failed + " as execution \\d+: COMPLETED");
            assertThat(refused.lines()).filteredOn(l -> l.startsWith("footage: refused: ")).singleElement()
                    .satisfies(l -> assertThat(l).containsPattern(REFUSAL));
        }

        // and the instance has exactly one new execution, whose file step wrote the two remaining files once
        assertThat(catalog.executionStatus(failed)).isEqualTo("FAILED");
        RunsFixture.restartedOnce(catalog, failed, List.of(1L, 2L), home, sources);
    }
}
