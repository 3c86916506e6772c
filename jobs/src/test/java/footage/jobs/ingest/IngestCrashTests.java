package footage.jobs.ingest;

import footage.jobs.FootageProcess;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "killed {0}")
    @ValueSource(strings = {"mid-copy:2", "after-rename:2", "before-commit:2", "after-commit:2", "mid-copy:4"})
    void killedPartWayThenRunAgainArchivesEverySourceFileExactlyOnce(String point) throws Exception {
        // given a dump of four recordings, one of them docked twice
        FileSpec repeated = FileSpec.video(name("DSJ0000100", "093000", 1), clip(2));
        Path dir = Drops.write(home.resolve("drop"), dump("crash", "DSJ0000100", List.of(
                repeated,
                FileSpec.video(name("DSJ0000100", "093002", 2), clip(2)),
                FileSpec.video(name("DSJ0000100", "093004", 3), clip(2)),
                FileSpec.video("copy/" + repeated.path(), repeated.video()))));
        Set<String> sourceHashes = new HashSet<>();
        Drops.tree(dir).forEach((path, sha) -> {
            if (!path.equals("manifest.json")) {
                sourceHashes.add(sha);
            }
        });
        assertThat(sourceHashes).hasSize(3);

        // when the ingest is killed at that point
        Path logs = FootageProcess.logs(getClass(), point);
        try (FootageProcess first = ingest(logs.resolve("first.log"), "--footage.debug.pause-at=" + point)) {
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
        if (point.equals("after-rename:2") || point.equals("before-commit:2")) {
            // the second file is durable (fsynced, its folder fsynced) but its catalog commit never happened
            assertThat(killedArchive).hasSize(2);
            assertThat(killedCatalog).hasSize(1);
        }

        // and run again
        try (FootageProcess second = ingest(logs.resolve("second.log"))) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).as(second.output()).isZero();
        }

        // then every source file is archived exactly once and nothing is left half-done
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
