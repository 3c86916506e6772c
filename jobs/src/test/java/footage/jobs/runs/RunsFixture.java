package footage.jobs.runs;

import footage.jobs.FootageApplication;
import footage.jobs.FootageProcess;
import footage.jobs.TestCatalog;
import footage.jobs.TestDatabases;
import footage.jobs.TestDumps;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests of the one launcher share: a crashed ingest to recover, an in-JVM application, the end-state checks. */
final class RunsFixture {

    static final Duration START = Duration.ofSeconds(90);
    /**
     * The runs here count files against chunks (a stop lands after the next chunk, a restart redoes the failed one):
     * one file a chunk, as these three-file dumps were made for; files side by side are IngestCrashTests' subject.
     */
    static final String ONE_FILE_AT_ONCE = "--footage.ingest.files-at-once=1";

    private RunsFixture() {
    }

    /**
     * An ingest process paused at {@code point} (e.g. {@code after-commit:1}) and killed with SIGKILL there: its
     * execution is left STARTED by a process that is gone. Returns the execution's id.
     */
    static long crashedIngest(Path home, TestDatabases.Database db, Path log, String point) {
        TestCatalog catalog = new TestCatalog(db);
        try (FootageProcess ingest = FootageProcess.command(home, log, db, List.of("ingest"), "--footage.debug.pause-at=" + point,
                ONE_FILE_AT_ONCE)) {
            ingest.awaitPause(START);
            long id = running(catalog);
            ingest.kill();
            assertThat(catalog.executionStatus(id)).isEqualTo("STARTED");
            return id;
        }
    }

    /** The one execution marked running. */
    static long running(TestCatalog catalog) {
        List<String> running = catalog.strings("SELECT job_execution_id FROM batch_job_execution WHERE status IN ('STARTING', 'STARTED', 'STOPPING')");
        assertThat(running).as("running executions").hasSize(1);
        return Long.parseLong(running.get(0));
    }

    /** The application in this JVM, on the test's database (web server off, 1 s heartbeat, 3 s lease). */
    static ConfigurableApplicationContext application(Path home, TestDatabases.Database db) {
        return new SpringApplicationBuilder(FootageApplication.class).run("--footage.home=" + home,
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--spring.datasource.hikari.maximum-pool-size=6",
                "--footage.ingest.quiet-period=0s",
                "--footage.operations.heartbeat=1s", "--footage.operations.lease=3s");
    }

    /**
     * The failed execution was restarted exactly once and that restart COMPLETED; across the instance, the file step
     * wrote each file once ({@code writes}: per step execution, oldest first); every file is archived, catalogued and
     * settled once.
     */
    static void restartedOnce(TestCatalog catalog, long failed, List<Long> writes, Path home, Set<String> sources) {
        List<Long> runs = catalog.executionsOfInstanceOf(failed);
        assertThat(runs).as("executions of the instance").hasSize(2);
        assertThat(catalog.executionStatus(runs.get(1))).isEqualTo("COMPLETED");
        assertThat(catalog.rows("SELECT s.write_count FROM batch_step_execution s JOIN batch_job_execution e "
                        + "ON e.job_execution_id = s.job_execution_id WHERE e.job_instance_id = (SELECT job_instance_id FROM "
                        + "batch_job_execution WHERE job_execution_id = ?) AND s.step_name = 'ingestFilesStep' ORDER BY s.step_execution_id",
                failed).stream().map(r -> ((Number) r[0]).longValue()).toList()).as("ingestFilesStep writes").isEqualTo(writes);
        archivedOnce(catalog, home, sources);
    }

    /** Every source file archived exactly once, catalogued once, settled once; no temporary file left. */
    static void archivedOnce(TestCatalog catalog, Path home, Set<String> sources) {
        assertThat(TestDumps.archivedHashes(home)).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(catalog.strings("SELECT sha256 FROM recordings")).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(catalog.strings("SELECT status FROM dump_files")).hasSize(sources.size()).containsOnly("ARCHIVED");
        assertThat(catalog.strings("SELECT subject FROM ledger WHERE subject LIKE 'dump-file:%' GROUP BY subject "
                + "HAVING COUNT(*) > 1")).as("dump files settled more than once").isEmpty();
        assertThat(TestDumps.tempFiles(home)).isEmpty();
    }

    /** Each dump file the catalog calls ARCHIVED has its archive object, whose content has the recorded SHA-256. */
    static void archivedRowsAreTrue(TestCatalog catalog, Path home) throws java.io.IOException {
        for (Object[] row : catalog.rows("SELECT f.path, f.sha256, r.sha256, r.archive_path FROM dump_files f "
                + "JOIN recordings r ON r.id = f.recording_id WHERE f.status = 'ARCHIVED'")) {
            Path object = home.resolve("archive").resolve((String) row[3]);
            assertThat(object).as("archive object of " + row[0]).exists();
            assertThat(row[1]).isEqualTo(row[2]);
            assertThat(footage.pipeline.archive.DurableFiles.sha256(object)).as("content of " + row[0]).isEqualTo(row[1]);
        }
        assertThat(catalog.count("SELECT COUNT(*) FROM dump_files WHERE status = 'ARCHIVED' AND recording_id IS NULL")).isZero();
        assertThat(Files.isDirectory(home.resolve("archive"))).isTrue();
    }
}
