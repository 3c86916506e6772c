package footage.jobs.retention;

import footage.jobs.FootageProcess;
import footage.pipeline.archive.DurableFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real sweep process with SIGKILL at fixed points of the move protocol and runs it again: every object must
 * end up in exactly one place, with its bytes intact, and {@code footage verify --full} must pass. The archive comes
 * from one real ingest of 2019 footage (all of it expired), with a proxy per recording, copied afresh for each kill
 * point.
 */
class SweepCrashTests {

    @TempDir
    static Path shared;
    static Path template;
    static Map<String, String> objects;
    static Map<String, String> proxies;

    @TempDir
    Path tmp;

    @BeforeAll
    static void ingestOnce() throws Exception {
        template = shared.resolve("template");
        RetentionFootage.writeDumps(template.resolve("drop"));
        Run ingest = footage(template, shared.resolve("ingest.log"), "ingest", "--footage.ingest.quiet-period=0s");
        assertThat(ingest.code()).as(ingest.output()).isZero();
        objects = RetentionFootage.tree(template.resolve("archive/sha256"));
        assertThat(objects).hasSize(5);
        proxies = proxyPerRecording(template);
    }

    /**
     * A made derivative for every recording, as the transcode feature leaves them: a row and a file below proxies/.
     * None on a catalog without the transcode feature's derivatives table.
     */
    private static Map<String, String> proxyPerRecording(Path home) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "")) {
            if (strings(db, "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'derivatives'").get(0).equals("0")) {
                return Map.of();
            }
            for (String id : strings(db, "SELECT id FROM recordings ORDER BY id")) {
                byte[] bytes = ("proxy of recording " + id).getBytes(StandardCharsets.UTF_8);
                String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                String path = "proxy-360p/" + sha.substring(0, 2) + "/" + sha + ".mp4";
                Path file = home.resolve("proxies").resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                db.createStatement().executeUpdate("INSERT INTO derivatives (recording_id, profile, profile_sha256, status, "
                        + "method, path, sha256, size_bytes, created_at) VALUES (" + id + ", 'proxy-360p', '" + "0".repeat(64)
                        + "', 'MADE', 'ENCODE', '" + path + "', '" + sha + "', " + bytes.length + ", CURRENT_TIMESTAMP)");
            }
        }
        return RetentionFootage.tree(home.resolve("proxies"));
    }

    @ParameterizedTest(name = "killed {0}")
    @ValueSource(strings = {"mid-copy:2", "after-copy:2", "after-commit:2", "after-report"})
    void killedPartWayThenRunAgainLeavesEveryObjectInExactlyOnePlace(String point) throws Exception {
        // given a fresh copy of the ingested home
        Path home = copy(template, tmp.resolve("home"));

        // when the sweep is killed at that point
        String paused;
        try (FootageProcess killed = FootageProcess.start(home, tmp.resolve("killed.log"),
                List.of("sweep", "--footage.debug.sweep-pause-at=" + point))) {
            paused = killed.awaitPause(Duration.ofSeconds(120));
            killed.kill();
        }
        assertThat(paused).isEqualTo("PAUSED " + point.split(":")[0]);
        Map<String, String> archiveAtKill = RetentionFootage.tree(home.resolve("archive/sha256"));
        Map<String, String> expiredAtKill = RetentionFootage.tree(home.resolve("expired/sha256"));
        switch (point) {
            case "mid-copy:2" -> {
                assertThat(temps(home.resolve("expired"))).as("the kill left a half-written copy").isNotEmpty();
                assertThat(archiveAtKill).hasSize(4);
                assertThat(expiredAtKill).hasSize(1);
            }
            case "after-copy:2", "after-commit:2" -> {
                assertThat(archiveAtKill).as("the second original is still in the archive").hasSize(4);
                assertThat(expiredAtKill).as("beside its verified copy").hasSize(2);
            }
            default -> {
                assertThat(archiveAtKill).isEmpty();
                assertThat(expiredAtKill).hasSize(5);
            }
        }
        for (Map.Entry<String, String> e : expiredAtKill.entrySet()) {
            assertThat(objects).containsEntry(e.getKey(), e.getValue());
        }

        // and the sweep runs again
        Run again = footage(home, tmp.resolve("again.log"), "sweep");
        Run verify = footage(home, tmp.resolve("verify.log"), "verify", "--full");

        // then every object is in expired/ once, intact, named by its recording, and nothing is left half-done
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(verify.code()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("verify: OK: ").contains("5 archive object(s)");
        assertThat(RetentionFootage.tree(home.resolve("archive/sha256"))).isEmpty();
        assertThat(RetentionFootage.tree(home.resolve("expired/sha256"))).isEqualTo(objects);
        assertThat(RetentionFootage.tree(home.resolve("proxies"))).isEmpty();
        assertThat(RetentionFootage.tree(home.resolve("expired/proxies"))).isEqualTo(proxies);
        assertThat(temps(home)).isEmpty();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "")) {
            assertThat(strings(db, "SELECT archive_path FROM recordings ORDER BY archive_path"))
                    .containsExactlyElementsOf(objects.keySet().stream().map(p -> "expired/sha256/" + p).sorted().toList());
            assertThat(strings(db, "SELECT COUNT(*) FROM ledger WHERE entry_type = 'RECORDING_MOVED_OUT'")).containsExactly("5");
            assertThat(strings(db, "SELECT COUNT(*) FROM recordings WHERE disposition_report IS NULL")).containsExactly("0");
            assertThat(strings(db, "SELECT COUNT(*) FROM ledger WHERE entry_type = 'DERIVATIVE_MOVED_OUT'"))
                    .containsExactly(Integer.toString(proxies.size()));
        }
    }

    record Run(int code, String output) {
    }

    private static Run footage(Path home, Path log, String... args) {
        try (FootageProcess p = FootageProcess.start(home, log, List.of(args))) {
            int code = p.awaitExit(Duration.ofSeconds(180));
            return new Run(code, p.output());
        }
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> temps(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
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
