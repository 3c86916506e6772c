package footage.jobs.runs;

import footage.jobs.FootageProcess;
import footage.jobs.TestCatalog;
import footage.jobs.TestDatabases;
import footage.jobs.TestDumps;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code footage serve} killed with SIGKILL while its scheduled ingest is at a point of the durable protocol, then
 * started again: the next start recovers the dead execution (FAILED), restarts it, and every file ends up archived
 * exactly once. Separate JVMs, a fresh PostgreSQL database per case.
 */
class ServeCrashRecoveryTests {

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "serve killed at {0}")
    @ValueSource(strings = {"mid-copy:2", "after-rename:2", "after-commit:2"})
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void killedServeIsRecoveredAtTheNextStartAndItsRestartArchivesEveryFileOnce(String point) {
        // given a fresh catalog and a dump of three recordings in the drop folder
        TestDatabases.Database db = TestDatabases.freshPostgres();
        TestCatalog catalog = new TestCatalog(db);
        Path home = dir.resolve("home");
        Set<String> sources = TestDumps.drop(home.resolve("drop"), "crash", "DSJ0000500", 3);
        Path logs = FootageProcess.logs(getClass(), point);

        // when serve's scheduled ingest reaches that point of the second file and the process is killed there
        long killed;
        try (FootageProcess first = FootageProcess.serve(home, logs.resolve("first.log"), db,
                "--footage.debug.pause-at=" + point)) {
            assertThat(first.awaitPause(START)).isEqualTo("PAUSED " + point.substring(0, point.indexOf(':')));
            List<String> running = catalog.strings("SELECT job_execution_id FROM batch_job_execution WHERE status = 'STARTED'");
            assertThat(running).hasSize(1);
            killed = Long.parseLong(running.get(0));
            first.kill();
        }
        assertThat(catalog.executionStatus(killed)).as("a SIGKILL leaves the execution marked running").isEqualTo("STARTED");

        // and serve is started again
        try (FootageProcess second = FootageProcess.serve(home, logs.resolve("second.log"), db)) {
            TestCatalog.await("the killed execution restarted and COMPLETED, the dump DONE", START, () -> {
                List<Long> runs = catalog.executionsOfInstanceOf(killed);
                return runs.size() >= 2 && "COMPLETED".equals(catalog.executionStatus(runs.get(runs.size() - 1)))
                        && catalog.strings("SELECT status FROM dumps").equals(List.of("DONE"));
            }, second::tail);

            // then recovery marked the killed execution FAILED, and its one restart (same instance) completed
            assertThat(catalog.executionStatus(killed)).isEqualTo("FAILED");
            List<Long> runs = catalog.executionsOfInstanceOf(killed);
            assertThat(runs).hasSize(2);
            assertThat(catalog.executionStatus(runs.get(1))).isEqualTo("COMPLETED");
            assertThat(second.output()).contains("recovering execution " + killed + " of ingestJob");
            assertThat(second.terminate(Duration.ofSeconds(60))).as("serve ends on SIGTERM").isNotNegative();
        }

        // and every source file is archived exactly once, catalogued once, settled once, nothing half-done left
        assertThat(TestDumps.archivedHashes(home)).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(catalog.strings("SELECT sha256 FROM recordings")).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(catalog.strings("SELECT status FROM dump_files")).containsExactly("ARCHIVED", "ARCHIVED", "ARCHIVED");
        assertThat(catalog.strings("SELECT subject FROM ledger WHERE entry_type IN ('FILE_ARCHIVED', 'FILE_DAMAGED', "
                + "'DUPLICATE_LINKED', 'FILE_QUARANTINED', 'FILE_FAILED') GROUP BY subject HAVING COUNT(*) > 1"))
                .as("dump files settled more than once").isEmpty();
        assertThat(TestDumps.tempFiles(home)).isEmpty();
        assertThat(home.resolve("drop").resolve("crash")).doesNotExist();
        assertThat(Files.isDirectory(home.resolve("drop").resolve(".done"))).isTrue();
    }
}
