package footage.jobs.transcode;

import footage.jobs.FootageProcess;
import footage.jobs.cli.Cli;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real transcode process with SIGKILL at fixed points of the durable protocol (the second derivative being
 * written; in place but not catalogued) and runs it again: no partial or uncatalogued proxy is ever catalogued, the
 * rerun completes, and catalog, ledger and proxies folder match one to one with no temporary file left.
 */
class TranscodeCrashTests {

    /** An archive of two ingested recordings, copied for each test (one ingest process for all of them). */
    @TempDir
    static Path template;

    @TempDir
    Path home;

    @BeforeAll
    static void ingestOnce() throws Exception {
        VideoSpec base = new VideoSpec(320, 240, 10, 2, true, "2019-02-17T09:30:00Z", VideoSpec.MP4, false, 1.0);
        new SampleDumpGenerator().writeDump(template.resolve("drop"), new DumpSpec("ST01_DSJ0000700_20190217180512",
                "ST01", "DSJ0000700", "100234", "张三", "2019-02-17T18:05:12+08:00", "2019-02-17T18:05:12+08:00", true,
                List.of(FileSpec.video("DSJ0000700_100234_20190217_093000_0001.mp4", base),
                        FileSpec.video("DSJ0000700_100234_20190217_093100_0002.mp4",
                                new VideoSpec(320, 240, 10, 2, true, "2019-02-17T09:31:00Z", VideoSpec.MP4, false, 1.0)))));
        // in this JVM: only the transcodes need to be killable
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {"ingest", "--home", template.toString(), "--footage.ingest.quiet-period=0s"});
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @ParameterizedTest(name = "killed {0}")
    @ValueSource(strings = {"mid-write:2", "after-rename:2"})
    void killedPartWayLeavesNothingHalfDoneCataloguedAndTheRerunCompletes(String point) throws Exception {
        // given
        copy(template, home);

        // when the transcode is killed at that point of its second derivative
        Path logs = FootageProcess.logs(getClass(), point);
        String paused;
        try (FootageProcess first = transcode(logs.resolve("first.log"), "--footage.debug.transcode-pause-at=" + point)) {
            paused = first.awaitPause(Duration.ofSeconds(180));
            first.kill();
        }

        // then only the first derivative is catalogued, and it is whole
        assertThat(paused).isEqualTo("PAUSED " + point.substring(0, point.indexOf(':')));
        assertThat(strings("SELECT path FROM derivatives")).hasSize(1);
        assertCataloguedFilesAreWhole();
        if (point.startsWith("mid-write")) {
            assertThat(tempFiles()).as("the kill left a half-written temporary file").isNotEmpty();
        } else {
            assertThat(proxies()).as("in place but not catalogued").hasSize(2);
        }

        // when run again
        int code;
        String output;
        try (FootageProcess second = transcode(logs.resolve("second.log"))) {
            code = second.awaitExit(Duration.ofSeconds(180));
            output = second.output();
        }

        // then it completed every derivative once, and catalog, ledger and files match one to one
        assertThat(code).as(output).isZero();
        assertThat(output).contains("made:     5 ");
        assertThat(strings("SELECT profile FROM derivatives")).hasSize(6).allMatch(p -> !p.isEmpty());
        assertCataloguedFilesAreWhole();
        assertThat(proxies().keySet()).containsExactlyInAnyOrderElementsOf(strings("SELECT path FROM derivatives"));
        assertThat(tempFiles()).isEmpty();
        assertThat(strings("SELECT subject FROM ledger WHERE entry_type = 'DERIVATIVE_MADE'"))
                .containsExactlyInAnyOrderElementsOf(strings("SELECT 'derivative:' || id FROM derivatives"));
    }

    private void assertCataloguedFilesAreWhole() throws Exception {
        Map<String, String> files = proxies();
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery("SELECT path, sha256 FROM derivatives")) {
            while (rs.next()) {
                assertThat(files).containsEntry(rs.getString(1), rs.getString(2));
            }
        }
    }

    private Map<String, String> proxies() throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path root = home.resolve("proxies");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && !DurableFiles.isTemp(p)) {
                    files.put(root.relativize(p).toString(), DurableFiles.sha256(p));
                }
            }
        }
        return files;
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(home)) {
            return walk.filter(Files::isRegularFile).filter(DurableFiles::isTemp).toList();
        }
    }

    private FootageProcess transcode(Path log, String... extra) {
        List<String> args = new ArrayList<>(List.of("transcode", "--footage.transcode.threads=1"));
        args.addAll(List.of(extra));
        return FootageProcess.start(home, log, args);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
