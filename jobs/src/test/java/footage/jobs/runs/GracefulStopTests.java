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
 * SIGTERM to {@code serve} while its scheduled ingest runs: the run stops at the next chunk boundary and is left
 * STOPPED (not FAILED, not STARTED), serve exits within its grace, and {@code jobs restart ID} completes it.
 */
class GracefulStopTests {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sigtermMidIngestLeavesItStoppedAndTheRestartCompletesIt() {
        // given serve whose scheduled ingest of three files is between its first and second file
        TestDatabases.Database db = TestDatabases.freshPostgres();
        TestCatalog catalog = new TestCatalog(db);
        Path home = dir.resolve("home");
        Path logs = FootageProcess.logs(getClass(), "sigterm");
        Set<String> sources = TestDumps.drop(home.resolve("drop"), "sigterm", "DSJ0000920", 3);
        long id;
        try (FootageProcess serve = FootageProcess.serve(home, logs.resolve("serve.log"), db,
                "--footage.debug.pause-at=after-commit:1", RunsFixture.ONE_FILE_AT_ONCE)) {
            serve.awaitPause(RunsFixture.START);
            id = RunsFixture.running(catalog);

            // when serve gets SIGTERM (and the run, once told to stop, goes on to its next chunk boundary)
            long signalled = System.nanoTime();
            serve.sigterm();
            serve.awaitLine(l -> l.contains("stopping execution " + id + " of ingestJob at its next chunk boundary"),
                    Duration.ofSeconds(30), "the stop request");
            serve.resume();

            // then serve exits within its grace period
            serve.awaitExit(Duration.ofSeconds(60));
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(60));
        }
        // and the execution is STOPPED with the files after the stop still pending
        assertThat(catalog.executionStatus(id)).isEqualTo("STOPPED");
        assertThat(catalog.strings("SELECT status FROM dump_files")).contains("PENDING");
        assertThat(catalog.count("SELECT COUNT(*) FROM job_claims")).as("claims left behind").isZero();

        // when the operator restarts it
        try (FootageProcess restart = FootageProcess.command(home, logs.resolve("restart.log"), db,
                List.of("jobs", "restart", Long.toString(id)))) {
            assertThat(restart.awaitExit(Duration.ofSeconds(120))).as(restart.tail()).isZero();
            assertThat(restart.output()).containsPattern("restarted execution " + id + " as execution \\d+: COMPLETED");
        }

        // then the same instance completed and every file is archived once
        List<Long> runs = catalog.executionsOfInstanceOf(id);
        assertThat(runs).hasSize(2);
        assertThat(catalog.executionStatus(runs.get(1))).isEqualTo("COMPLETED");
        RunsFixture.archivedOnce(catalog, home, sources);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sigtermToACommandOnTheEmbeddedCatalogStopsItsRunAndTheRestartCompletesIt() throws Exception {
        // given a CLI ingest of three files on the embedded H2 catalog, between its first and second file
        Path home = dir.resolve("h2-home");
        Path logs = FootageProcess.logs(getClass(), "sigterm-h2");
        Set<String> sources = TestDumps.drop(home.resolve("drop"), "sigterm-h2", "DSJ0000921", 3);
        try (FootageProcess ingest = FootageProcess.command(home, logs.resolve("ingest.log"), null, List.of("ingest"),
                "--footage.debug.pause-at=after-commit:1", RunsFixture.ONE_FILE_AT_ONCE)) {
            ingest.awaitPause(RunsFixture.START);

            // when it gets SIGTERM (as from a terminal's kill, or systemd stopping a timer's run)
            ingest.sigterm();
            ingest.awaitLine(l -> l.contains("stopping execution ") && l.contains(" of ingestJob at its next chunk boundary"),
                    Duration.ofSeconds(30), "the stop request");
            ingest.resume();

            // then it stops in order and exits as a shell expects of SIGTERM
            assertThat(ingest.awaitExit(Duration.ofSeconds(60))).as(ingest::tail).isEqualTo(143);
        }
        long id;
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage")
                + ";AUTO_SERVER=TRUE", "sa", "");
             java.sql.ResultSet rs = db.createStatement().executeQuery("SELECT e.JOB_EXECUTION_ID, e.STATUS FROM "
                     + "BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                     + "WHERE i.JOB_NAME = 'ingestJob' ORDER BY e.JOB_EXECUTION_ID")) {
            assertThat(rs.next()).isTrue();
            id = rs.getLong(1);
            assertThat(rs.getString(2)).isEqualTo("STOPPED");
            assertThat(rs.next()).isFalse();
        }

        // when the operator restarts it
        try (FootageProcess restart = FootageProcess.command(home, logs.resolve("restart.log"), null,
                List.of("jobs", "restart", Long.toString(id)))) {
            assertThat(restart.awaitExit(Duration.ofSeconds(120))).as(restart.tail()).isZero();
            assertThat(restart.output()).containsPattern("restarted execution " + id + " as execution \\d+: COMPLETED");
        }
        assertThat(footage.jobs.TestDumps.archivedHashes(home)).hasSize(sources.size());
    }
}
