package footage.jobs.runs;

import footage.jobs.FootageProcess;
import footage.jobs.TestCatalog;
import footage.jobs.TestDatabases;
import footage.jobs.TestDumps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL cut off in the middle of an ingest (every connection of the catalog database terminated while a file is
 * in the archive but not yet catalogued): the job fails cleanly, the catalog claims nothing that is not in the
 * archive, and the operator's restart completes with every file archived once.
 */
class DatabaseOutageTests {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void connectionsTerminatedMidIngestFailTheJobCleanlyAndTheRestartCompletes() throws Exception {
        // given an ingest of three files whose second file is renamed into the archive, not yet catalogued
        TestDatabases.Database db = TestDatabases.freshPostgres();
        TestCatalog catalog = new TestCatalog(db);
        Path home = dir.resolve("home");
        Path logs = FootageProcess.logs(getClass(), "outage");
        Set<String> sources = TestDumps.drop(home.resolve("drop"), "outage", "DSJ0000910", 3);
        long id;
        try (FootageProcess ingest = FootageProcess.command(home, logs.resolve("ingest.log"), db, List.of("ingest"),
                "--footage.debug.pause-at=after-rename:2", RunsFixture.ONE_FILE_AT_ONCE)) {
            ingest.awaitPause(RunsFixture.START);
            id = RunsFixture.running(catalog);

            // when every connection to the catalog database is terminated, and the ingest goes on
            long terminated = catalog.count("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
            assertThat(terminated).as("connections terminated").isPositive();
            ingest.resume();

            // then the job fails cleanly: the process ends with exit 1 and the execution is FAILED, not left running
            assertThat(ingest.awaitExit(Duration.ofSeconds(120))).as(ingest.tail()).isEqualTo(1);
        }
        assertThat(catalog.executionStatus(id)).isEqualTo("FAILED");
        // and the catalog claims nothing the archive does not hold: the first file archived, the others still pending
        RunsFixture.archivedRowsAreTrue(catalog, home);
        assertThat(catalog.strings("SELECT status FROM dump_files ORDER BY path")).containsExactly("ARCHIVED", "PENDING", "PENDING");

        // when the operator restarts the execution
        try (FootageProcess restart = FootageProcess.command(home, logs.resolve("restart.log"), db,
                List.of("jobs", "restart", Long.toString(id)))) {
            assertThat(restart.awaitExit(Duration.ofSeconds(120))).as(restart.tail()).isZero();
            assertThat(restart.output()).containsPattern("restarted execution " + id + " as execution \\d+: COMPLETED");
        }

        // then it completed, the object renamed in before the outage taken as it is, every file archived once
        RunsFixture.archivedRowsAreTrue(catalog, home);
        RunsFixture.archivedOnce(catalog, home, sources);
        assertThat(catalog.executionsOfInstanceOf(id)).hasSize(2);
    }
}
