package footage.jobs.cli;

import footage.jobs.FootageProcess;
import footage.jobs.TestDatabases;
import footage.jobs.TestDumps;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: {@code serve} runs (as the bureau runs it all the time) and its scheduled ingest is in the middle of a run,
 * while an operator uses the CLI on the same home: every command works, on the embedded H2 catalog (H2 AUTO_SERVER:
 * the first process serves the file to the others) and on PostgreSQL, and no job runs twice.
 */
class CommandsWhileServeRunsTests {

    private static final String DEVICE = "DSJ0000930";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyCommandWorksWhileServeAndItsIngestRunOnTheEmbeddedCatalog() throws Exception {
        commandsWhileServeRuns(null, "h2");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyCommandWorksWhileServeAndItsIngestRunOnPostgres() throws Exception {
        commandsWhileServeRuns(TestDatabases.freshPostgres(), "postgres");
    }

    private void commandsWhileServeRuns(TestDatabases.Database db, String name) throws Exception {
        // given serve, whose first scheduled run takes in a dump with a 8 s gap
        Path home = dir.resolve(name);
        Path logs = FootageProcess.logs(getClass(), name);
        new SampleDumpGenerator().writeDump(home.resolve("drop"), new DumpSpec("A", "ST01", DEVICE, "100234", "张三",
                "2019-02-17T18:00:00+08:00", "2019-02-17T18:00:00+08:00", true, List.of(
                FileSpec.video(DEVICE + "_100234_20190217_090000_0001.mp4", VideoSpec.small(2, null)),
                FileSpec.video(DEVICE + "_100234_20190217_090010_0002.mp4", VideoSpec.small(3, null)))));
        try (FootageProcess serve = FootageProcess.serve(home, logs.resolve("serve.log"), db,
                "--footage.debug.pause-at=after-commit:3")) {
            serve.awaitLine(l -> l.contains("dump A finished"), Duration.ofSeconds(120), "dump A finished");
            // and a second dump, whose scheduled run pauses after its first file: an ingest is running from here on
            TestDumps.drop(home.resolve("drop"), "B", "DSJ0000931", 2);
            serve.awaitPause(Duration.ofSeconds(120));
            String gap = single(db, home, "SELECT id FROM findings WHERE kind = 'GAP' AND device_id = '" + DEVICE + "'");
            String recording = single(db, home, "SELECT MIN(id) FROM recordings WHERE device_id = '" + DEVICE + "'");
            Path bag = dir.resolve(name + "-bag");

            // when an operator runs the commands of every day, one after another (FootageProcess splits words at spaces)
            List<String> outputs = new ArrayList<>();
            for (List<String> words : List.of(
                    List.of("jobs", "list"),
                    List.of("catalog", "list"),
                    List.of("explain", gap, "--reason", "WEATHER", "--note", "暴雨遮挡镜头", "--by", "clerk"),
                    List.of("hold", "set", "--recording", recording, "--reason", "case-2019-07", "--by", "clerk"),
                    List.of("retention", "set", recording, "--class", "PERMANENT", "--category", "PENALTY_EVIDENCE",
                            "--by", "clerk"),
                    List.of("report", "gaps", "--format", "json", "--lang", "en"),
                    List.of("export", "--device", DEVICE, "--from", "2019-02-17", "--to", "2019-02-17", "--out",
                            bag.toString(), "--footage.export.organization=某市公安局"),
                    List.of("verify"))) {
                try (FootageProcess command = FootageProcess.command(home,
                        logs.resolve(String.join("-", words.subList(0, Math.min(2, words.size()))).replaceAll("[^A-Za-z0-9-]", "_") + ".log"),
                        db, words)) {
                    // then each works, though serve holds the catalog and its ingest is mid-run
                    assertThat(command.awaitExit(Duration.ofSeconds(120))).as(String.join(" ", words) + "\n"
                            + command.tail()).isZero();
                    outputs.add(command.output());
                }
            }
            serve.resume();
            serve.awaitLine(l -> l.contains("dump B finished"), Duration.ofSeconds(120), "dump B finished");

            // and each did its work
            assertThat(outputs.get(0)).contains("ingestJob");
            assertThat(outputs.get(1)).contains(DEVICE + "_100234_20190217_090000_0001.mp4");
            assertThat(outputs.get(5)).contains(gap).contains("WEATHER");
            assertThat(bag.resolve("bagit.txt")).exists();
            assertThat(single(db, home, "SELECT retention_class FROM recordings WHERE id = " + recording))
                    .isEqualTo("PERMANENT");
            assertThat(single(db, home, "SELECT COUNT(*) FROM holds")).isEqualTo("1");
        }
        // and no job ran twice: one execution per ingest instance, every file archived once
        assertThat(single(db, home, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'ingestJob' GROUP BY i.JOB_INSTANCE_ID "
                + "ORDER BY COUNT(*) DESC LIMIT 1")).isEqualTo("1");
        assertThat(single(db, home, "SELECT COUNT(*) FROM recordings")).isEqualTo("4");
        assertThat(TestDumps.archivedHashes(home)).hasSize(4).doesNotHaveDuplicates();
        assertThat(Files.exists(home.resolve("drop/.done"))).isTrue();
    }

    /** One value by a connection of its own: to the H2 file through whichever process serves it, or PostgreSQL. */
    private static String single(TestDatabases.Database db, Path home, String sql) throws SQLException {
        try (Connection c = db == null
                ? DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "")
                : DriverManager.getConnection(db.url(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
