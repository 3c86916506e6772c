package footage.jobs.ingest;

import footage.jobs.FootageProcess;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

import static footage.jobs.ingest.Drops.clip;
import static footage.jobs.ingest.Drops.dump;
import static footage.jobs.ingest.Drops.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files that a station adds to a dump after it was registered — while the run takes it in, or after a crash — are
 * taken in with that dump: never moved to {@code .done/} unaccounted, never a second registration of the folder.
 * Separate JVMs (a real pause, a real SIGKILL), H2.
 */
class LateFilesTests {

    private static final Duration RUN = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void filesAddedToADumpDuringTheRunAreTakenInNotMovedAwayUnaccounted() throws Exception {
        // given two dumps, and a run paused after the commit of the last file of the second
        Path drop = home.resolve("drop");
        Drops.write(drop, dump("a_big", "DSJ0000160", List.of(FileSpec.video(name("DSJ0000160", "093000", 1), clip(2)))));
        Path late = Drops.write(drop, dump("b_late", "DSJ0000161", List.of(FileSpec.video(name("DSJ0000161", "093000", 1), clip(2)))));
        Path logs = FootageProcess.logs(getClass(), "during-the-run");
        java.util.Map<String, String> sources;
        try (FootageProcess run = ingest(logs.resolve("first.log"), "--footage.debug.pause-at=after-commit:2")) {
            assertThat(run.awaitPause(RUN)).isEqualTo("PAUSED after-commit");

            // when the station adds a recording and a log to the second dump meanwhile, and the run goes on
            Drops.GENERATOR.writeDump(home.resolve("extra"), new DumpSpec("x", null, "DSJ0000161", "100234", null, null, null,
                    false, List.of(FileSpec.video(name("DSJ0000161", "094000", 2), clip(2)))));
            Files.move(home.resolve("extra/x").resolve(name("DSJ0000161", "094000", 2)), late.resolve(name("DSJ0000161", "094000", 2)));
            Files.createDirectories(late.resolve("LOG"));
            Files.writeString(late.resolve("LOG/late.log"), "docked again\n", StandardCharsets.UTF_8);
            sources = Accounted.sources(drop, "a_big", "b_late");
            run.resume();
            assertThat(run.awaitExit(RUN)).as(run::tail).isZero();
        }

        // then the second dump is still open, in the drop folder with the new files
        assertThat(strings("SELECT status FROM dumps WHERE folder = 'b_late'")).containsExactly("REGISTERED");
        assertThat(strings("SELECT status FROM dumps WHERE folder = 'a_big'")).containsExactly("DONE");
        assertThat(late.resolve("LOG/late.log")).exists();

        // and the next run takes them in with it and finishes it
        try (FootageProcess next = ingest(logs.resolve("second.log"))) {
            assertThat(next.awaitExit(RUN)).as(next::tail).isZero();
        }
        assertThat(strings("SELECT status FROM dumps WHERE folder = 'b_late'")).containsExactly("DONE");
        assertThat(strings("SELECT f.path || ' ' || f.status FROM dump_files f JOIN dumps d ON d.id = f.dump_id "
                + "WHERE d.folder = 'b_late' ORDER BY f.path")).containsExactly(
                "DSJ0000161_100234_20190217_093000_0001.mp4 ARCHIVED",
                "DSJ0000161_100234_20190217_094000_0002.mp4 ARCHIVED",
                "LOG/late.log QUARANTINED");
        assertThat(strings("SELECT x.kind || ' ' || x.path FROM findings x JOIN dumps d ON d.id = x.dump_id "
                + "WHERE d.folder = 'b_late' AND x.kind = 'UNLISTED_FILE' ORDER BY x.path")).containsExactly(
                "UNLISTED_FILE DSJ0000161_100234_20190217_094000_0002.mp4", "UNLISTED_FILE LOG/late.log");
        Accounted.check(sources, home, logs.resolve("verify.log"));
    }

    @Test
    void aFileAddedToAManifestlessDumpAfterACrashJoinsItAndNothingIsCataloguedTwice() throws Exception {
        // given a dump without a manifest, and a run killed after taking in its first file
        Path drop = home.resolve("drop");
        Path dir = Drops.write(drop, new DumpSpec("nomanifest", null, "DSJ0000162", "100234", null, null, null, false, List.of(
                FileSpec.video(name("DSJ0000162", "093000", 1), clip(2)),
                FileSpec.video(name("DSJ0000162", "093100", 2), clip(2)))));
        Path logs = FootageProcess.logs(getClass(), "after-a-crash");
        try (FootageProcess run = ingest(logs.resolve("killed.log"), "--footage.debug.pause-at=after-commit:1")) {
            assertThat(run.awaitPause(RUN)).isEqualTo("PAUSED after-commit");
            run.kill();
        }

        // when the station adds a file to it and the ingest runs again
        Drops.GENERATOR.writeDump(home.resolve("extra"), new DumpSpec("x", null, "DSJ0000162", "100234", null, null, null,
                false, List.of(FileSpec.video(name("DSJ0000162", "093200", 3), clip(2)))));
        Files.move(home.resolve("extra/x").resolve(name("DSJ0000162", "093200", 3)), dir.resolve(name("DSJ0000162", "093200", 3)));
        java.util.Map<String, String> sources = Accounted.sources(drop, "nomanifest");
        try (FootageProcess next = ingest(logs.resolve("second.log"))) {
            assertThat(next.awaitExit(RUN)).as(next::tail).isZero();
        }

        // then the folder is one dump, finished, whose three files are each archived once
        assertThat(strings("SELECT status FROM dumps WHERE folder = 'nomanifest'")).containsExactly("DONE");
        assertThat(strings("SELECT status FROM dump_files ORDER BY path")).containsExactly("ARCHIVED", "ARCHIVED", "ARCHIVED");
        assertThat(strings("SELECT COUNT(*) FROM recordings")).containsExactly("3");
        Accounted.check(sources, home, logs.resolve("verify.log"));
    }

    private FootageProcess ingest(Path log, String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "--footage.ingest.quiet-period=0s"));
        args.addAll(List.of(extra));
        return FootageProcess.start(home, log, args);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
