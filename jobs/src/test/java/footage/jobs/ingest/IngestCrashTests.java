package footage.jobs.ingest;

import footage.jobs.FootageProcess;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static footage.jobs.ingest.Drops.clip;
import static footage.jobs.ingest.Drops.dump;
import static footage.jobs.ingest.Drops.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real ingest process with SIGKILL at fixed points of the durable protocol and runs it again: every source
 * file must end up archived exactly once, with no temporary file left and catalog and archive matching one to one.
 */
class IngestCrashTests {

    @TempDir
    Path home;

    /**
     * With {@code footage.ingest.files-at-once} files taken in side by side and catalogued in one commit, the points
     * of a file's protocol come on that file's own thread and the commit points are the chunk's: a kill before the
     * commit leaves every file of the chunk durable and none of them catalogued.
     */
    @ParameterizedTest(name = "killed {0} taking {1} file(s) at once")
    @CsvSource({"mid-copy:2, 2", "after-rename:2, 2", "before-commit:2, 2", "after-commit:2, 2", "mid-copy:4, 2",
            "before-commit:2, 1", "after-rename:3, 3", "before-commit:3, 3"})
    void killedPartWayThenRunAgainArchivesEverySourceFileExactlyOnce(String point, int atOnce) throws Exception {
        // given a dump of four recordings, one of them docked twice
        Path dir = fourRecordings();

        // when the ingest is killed at that point
        Path logs = FootageProcess.logs(getClass(), point + "-" + atOnce);
        try (FootageProcess first = ingest(logs.resolve("first.log"), "--footage.debug.pause-at=" + point,
                "--footage.ingest.files-at-once=" + atOnce)) {
            String paused = first.awaitPause(Duration.ofSeconds(120));
            first.kill();
            assertThat(paused).isEqualTo("PAUSED " + point.substring(0, point.indexOf(':')));
        }
        if (point.startsWith("mid-copy")) {
            assertThat(tempFiles()).as("the kill left a half-written temporary file").isNotEmpty();
        }
        // and, whatever the instant, the catalog names only objects the archive holds whole
        Map<String, String> killedArchive = Drops.tree(home.resolve("archive").resolve("sha256"));
        List<String> killedCatalog = catalogued();
        assertThat(killedArchive.values()).containsAll(killedCatalog);
        if (point.startsWith("after-rename") || point.startsWith("before-commit")) {
            // the chunks before the killed file's are committed; its own is durable (fsynced, folder fsynced) but
            // its catalog commit never happened
            int file = Integer.parseInt(point.substring(point.indexOf(':') + 1));
            assertThat(settledFiles()).isEqualTo((file - 1) / atOnce * atOnce);
            assertThat(killedArchive).hasSizeGreaterThan(killedCatalog.size());
        }

        // and run again
        try (FootageProcess second = ingest(logs.resolve("second.log"))) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).as(second.output()).isZero();
        }

        // then every source file is archived exactly once and nothing is left half-done
        everySourceArchivedOnce(dir);
    }

    @Test
    void filesOfAChunkAreTakenInSideBySide() throws Exception {
        // given a dump of four recordings and an ingest that takes two at once
        Path dir = fourRecordings();
        Path logs = FootageProcess.logs(getClass(), "side-by-side");
        try (FootageProcess first = ingest(logs.resolve("first.log"), "--footage.debug.pause-at=mid-copy:1",
                "--footage.ingest.files-at-once=2")) {
            // when the first file stops in the middle of its copy
            assertThat(first.awaitPause(Duration.ofSeconds(120))).isEqualTo("PAUSED mid-copy");

            // then the other file of its chunk is still copied in, durable, while the first one waits
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Drops.tree(home.resolve("archive").resolve("sha256")).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(Drops.tree(home.resolve("archive").resolve("sha256"))).hasSize(1);
            assertThat(first.alive()).isTrue();
            assertThat(catalogued()).as("nothing is catalogued before the chunk commits").isEmpty();
            first.kill();
        }

        // and a second run takes in everything exactly once
        try (FootageProcess second = ingest(logs.resolve("second.log"))) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).as(second.output()).isZero();
        }
        everySourceArchivedOnce(dir);
    }

    private Set<String> sourceHashes;

    private Path fourRecordings() throws IOException {
        FileSpec repeated = FileSpec.video(name("DSJ0000100", "093000", 1), clip(2));
        Path dir = Drops.write(home.resolve("drop"), dump("crash", "DSJ0000100", List.of(
                repeated,
                FileSpec.video(name("DSJ0000100", "093002", 2), clip(2)),
                FileSpec.video(name("DSJ0000100", "093004", 3), clip(2)),
                FileSpec.video("copy/" + repeated.path(), repeated.video()))));
        sourceHashes = new HashSet<>();
        Drops.tree(dir).forEach((path, sha) -> {
            if (!path.equals("manifest.json")) {
                sourceHashes.add(sha);
            }
        });
        assertThat(sourceHashes).hasSize(3);
        return dir;
    }

    private int settledFiles() throws SQLException {
        try (Connection db = catalog()) {
            return (int) strings(db, "SELECT status FROM dump_files").stream().filter(s -> !s.equals("PENDING")).count();
        }
    }

    private void everySourceArchivedOnce(Path dir) throws Exception {
        Map<String, String> archive = Drops.tree(home.resolve("archive").resolve("sha256"));
        assertThat(new ArrayList<>(archive.values())).containsExactlyInAnyOrderElementsOf(sourceHashes);
        archive.forEach((path, sha) -> assertThat(path).endsWith(sha + ".mp4"));
        assertThat(tempFiles()).isEmpty();
        try (Connection db = catalog()) {
            assertThat(strings(db, "SELECT sha256 FROM recordings")).containsExactlyInAnyOrderElementsOf(sourceHashes);
            assertThat(strings(db, "SELECT status FROM dump_files ORDER BY path"))
                    .containsExactly("ARCHIVED", "ARCHIVED", "ARCHIVED", "DUPLICATE");
            assertThat(strings(db, "SELECT status FROM dumps")).containsExactly("DONE");
        }
        assertThat(dir).doesNotExist();
    }

    private FootageProcess ingest(Path log, String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "--footage.ingest.quiet-period=0s"));
        args.addAll(List.of(extra));
        return FootageProcess.start(home, log, args);
    }

    private Connection catalog() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "");
    }

    private List<String> catalogued() throws SQLException {
        try (Connection db = catalog()) {
            return strings(db, "SELECT sha256 FROM recordings");
        }
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(home)) {
            return walk.filter(Files::isRegularFile).filter(DurableFiles::isTemp).toList();
        }
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
