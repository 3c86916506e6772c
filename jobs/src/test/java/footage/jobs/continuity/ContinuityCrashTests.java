package footage.jobs.continuity;

import footage.jobs.FootageProcess;
import footage.pipeline.continuity.FindingKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gap report says must not depend on how the ingest got there: a corpus raising every finding kind is taken in
 * once cleanly, and again with the process killed (SIGKILL, separate JVM) at each file boundary, inside the continuity
 * step, while {@code serve} runs it on schedule, and after the database ran out of disk — each time followed by one
 * plain {@code ingest}. The findings (ids, kinds, corrected times) must equal the clean run's, and nothing may be left
 * waiting for analysis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContinuityCrashTests {

    private static final Duration RUN = Duration.ofSeconds(120);

    private List<String> clean;

    @BeforeAll
    void cleanRun(@TempDir Path home) throws Exception {
        FindingCorpus.write(home.resolve("drop"));
        Path logs = FootageProcess.logs(getClass(), "clean");
        try (FootageProcess run = ingest(home, logs.resolve("clean.log"))) {
            assertThat(run.awaitExit(RUN)).as(run::tail).isZero();
        }
        clean = findings(home);
        Set<String> kinds = new TreeSet<>();
        clean.forEach(f -> kinds.add(f.split(" ")[1]));
        assertThat(kinds).as("the corpus raises every timeline finding kind").containsAll(List.of(
                "GAP", "OVERLAP", "DISCONTINUITY", "DAMAGED", "CLOCK_DRIFT", "LATE_UPLOAD", "TIME_MISMATCH", "CLOCK_UNVERIFIED",
                "TIME_UNREADABLE"));
    }

    @ParameterizedTest(name = "killed after file {0}'s commit")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void killedAtAFileBoundaryThenIngestedToTheEndGivesTheCleanRunsFindings(int file, @TempDir Path home) throws Exception {
        // given the corpus, and an ingest killed right after the commit of that file
        FindingCorpus.write(home.resolve("drop"));
        Path logs = FootageProcess.logs(getClass(), "after-commit-" + file);
        killedAt(home, logs, "after-commit:" + file, "after-commit");

        // when one plain ingest runs to the end
        finish(home, logs);

        // then
        assertThat(findings(home)).isEqualTo(clean);
        assertThat(waiting(home)).isEmpty();
    }

    @Test
    void killedInsideTheContinuityStepThenIngestedAgainGivesTheCleanRunsFindings(@TempDir Path home) throws Exception {
        // given an ingest killed after its continuity step wrote the findings, before they committed
        FindingCorpus.write(home.resolve("drop"));
        Path logs = FootageProcess.logs(getClass(), "in-continuity");
        killedAt(home, logs, "in-continuity", "in-continuity");
        assertThat(findings(home)).as("nothing of the killed analysis committed")
                .noneMatch(f -> FindingKind.timelineKinds().stream().anyMatch(k -> f.split(" ")[1].equals(k.name())));
        assertThat(waiting(home)).containsExactlyInAnyOrder(FindingCorpus.A, FindingCorpus.LATE, FindingCorpus.NOCLOCK, FindingCorpus.BADDATE);

        // when one plain ingest runs: it has no file left to take in
        finish(home, logs);

        // then
        assertThat(findings(home)).isEqualTo(clean);
        assertThat(waiting(home)).isEmpty();
    }

    @Test
    void serveKilledDuringItsScheduledIngestThenOneIngestGivesTheCleanRunsFindings(@TempDir Path home) throws Exception {
        // given serve, whose scheduled ingest is killed with it after the fourth file
        FindingCorpus.write(home.resolve("drop"));
        Path logs = FootageProcess.logs(getClass(), "serve");
        try (FootageProcess serve = FootageProcess.start(home, logs.resolve("serve.log"), List.of("serve",
                "--server.port=0", "--footage.ingest.quiet-period=0s", "--footage.operations.heartbeat=1s",
                "--footage.operations.lease=3s", "--footage.schedule.ingest.cron=*/2 * * * * ?",
                "--footage.schedule.report.enabled=false", "--footage.schedule.fixity.enabled=false",
                "--footage.schedule.sweep.enabled=false", "--footage.schedule.transcode.enabled=false",
                "--footage.debug.pause-at=after-commit:4"))) {
            assertThat(serve.awaitPause(RUN)).isEqualTo("PAUSED after-commit");
            serve.kill();
        }

        // when one plain ingest runs to the end
        finish(home, logs);

        // then
        assertThat(findings(home)).isEqualTo(clean);
        assertThat(waiting(home)).isEmpty();
    }

    @Test
    void aDatabaseOutOfDiskFailsTheRunAndTheNextIngestGivesTheCleanRunsFindings(@TempDir Path home) throws Exception {
        // given the catalog on a small file system of its own
        Path db = smallFilesystem();
        String onIt = "--spring.datasource.url=jdbc:h2:file:" + db.resolve("footage") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        FindingCorpus.write(home.resolve("drop"));
        Path logs = FootageProcess.logs(getClass(), "disk-full");
        Path filler = db.resolve("filler");
        try (FootageProcess run = ingest(home, logs.resolve("first.log"), onIt, "--footage.debug.pause-at=after-commit:5")) {
            assertThat(run.awaitPause(RUN)).isEqualTo("PAUSED after-commit");

            // when that file system fills up while the run goes on
            fill(filler);
            run.resume();
            int exit = run.awaitExit(RUN);

            // then the run fails, and takes not every file in
            assertThat(exit).as(run::tail).isNotZero();
        }

        // when space is freed and one plain ingest runs to the end
        Files.delete(filler);
        try (FootageProcess second = ingest(home, logs.resolve("second.log"), onIt)) {
            assertThat(second.awaitExit(RUN)).as(second::tail).isZero();
        }

        // then
        assertThat(findings(db)).isEqualTo(clean);
        assertThat(waiting(db)).isEmpty();
    }

    private static void killedAt(Path home, Path logs, String point, String pauseName) {
        try (FootageProcess first = ingest(home, logs.resolve("killed.log"), "--footage.debug.pause-at=" + point)) {
            assertThat(first.awaitPause(RUN)).isEqualTo("PAUSED " + pauseName);
            first.kill();
        }
    }

    private static void finish(Path home, Path logs) {
        try (FootageProcess second = ingest(home, logs.resolve("second.log"))) {
            assertThat(second.awaitExit(RUN)).as(second::tail).isZero();
        }
    }

    private static FootageProcess ingest(Path home, Path log, String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "--footage.ingest.quiet-period=0s",
                "--footage.operations.heartbeat=1s", "--footage.operations.lease=3s"));
        args.addAll(List.of(extra));
        return FootageProcess.start(home, log, args);
    }

    /** The current findings, one line each: id, kind, corrected start and end (UTC), seconds. */
    private static List<String> findings(Path home) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(home); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id, kind, start_at, end_at, seconds FROM findings WHERE superseded_at IS NULL ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + instant(rs.getObject(3, OffsetDateTime.class))
                        + " " + instant(rs.getObject(4, OffsetDateTime.class)) + " " + rs.getObject(5));
            }
        }
        return out;
    }

    private static List<String> waiting(Path home) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(home); ResultSet rs = c.createStatement().executeQuery(
                "SELECT DISTINCT device_id FROM continuity_marks")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The H2 catalog in {@code home/db}, or in {@code dir} itself when it holds one. */
    private static Connection connect(Path homeOrDb) throws SQLException {
        Path db = Files.exists(homeOrDb.resolve("footage.mv.db")) ? homeOrDb : homeOrDb.resolve("db");
        return DriverManager.getConnection("jdbc:h2:file:" + db.resolve("footage") + ";AUTO_SERVER=TRUE", "sa", "");
    }

    private static Object instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** A fresh 48 MiB tmpfs, unmounted when the JVM ends. Needs root (as CI runs). */
    private static Path smallFilesystem() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("footage-small-fs-");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        if (!mounted && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("cannot mount a tmpfs for the disk-full case (CI runs as root): " + said);
        }
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs (not root?): " + said);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder("umount", "-l", dir.toString()).start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // the JVM ends anyway; a lazy unmount left behind frees itself with the last user
            }
        }));
        return dir;
    }

    /** Writes until the file system says it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).containsIgnoringCase("space");
        }
    }
}
