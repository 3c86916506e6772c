package footage.jobs.cli;

import footage.jobs.CatalogContext;
import footage.jobs.FootageApplication;
import footage.jobs.TestDumps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that change or export evidence do in their slim contexts what they do in the whole application: the
 * same words, the same ledger entries, the same bag (issue 17, point 2: build only what a command needs).
 */
class SlimCommandsTests {

    @TempDir
    static Path tmp;

    private static final String ADMIN_PASSWORD = "Quarry-Velvet-Harbor-58";

    private static Path home;
    private static List<Long> recordings;

    @BeforeAll
    static void aHomeWithTwoRecordings() throws Exception {
        home = tmp.resolve("home");
        TestDumps.drop(home.resolve("drop"), "ST01_DSJ0000960_20190217180512", "DSJ0000960", 2);
        CliRun ingest = CliRun.of("--home", home.toString(), "--footage.ingest.quiet-period=0s",
                "--footage.console.admin-password=" + ADMIN_PASSWORD, "ingest");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        try (ConfigurableApplicationContext whole = whole()) {
            recordings = whole.getBean(JdbcClient.class).sql("SELECT id FROM recordings ORDER BY id").query(Long.class).list();
        }
        assertThat(recordings).hasSize(2);
        // the catalog is current: the commands below start in their slim contexts, not the whole application
        new SpringApplication(CatalogContext.class).run("--footage.home=" + home).close();
    }

    @Test
    void aHoldSetInItsSlimContextSaysAndLedgersWhatItDoesInTheWholeApplication() {
        // given
        long before = lastSeq();

        // when one recording is held from the command line (slim) and the other in the whole application
        CliRun slim = CliRun.of("--home", home.toString(), "hold", "set", "--recording", recordings.get(0).toString(),
                "--reason", "case 2019-17", "--by", "alice");
        CliRun whole;
        List<String> slimEntries;
        List<String> wholeEntries;
        try (ConfigurableApplicationContext context = whole()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            slimEntries = entriesAfter(jdbc, before);
            long between = lastSeq(jdbc);
            whole = CliRun.in(context, "hold", "set", "--recording", recordings.get(1).toString(), "--reason", "case 2019-17", "--by", "alice");
            wholeEntries = entriesAfter(jdbc, between);
        }

        // then both say the same of their recording and write the same kinds of entries, naming it
        assertThat(slim.code()).as(slim.err()).isZero();
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(slim.out()).contains("set on recording " + recordings.get(0) + " by alice");
        assertThat(slim.out().replaceAll("\\d+", "#")).isEqualTo(whole.out().replaceAll("\\d+", "#"));
        assertThat(slimEntries).isNotEmpty();
        assertThat(slimEntries.stream().map(e -> e.replaceAll("hold:\\d+", "hold:#")).toList())
                .isEqualTo(wholeEntries.stream().map(e -> e.replaceAll("hold:\\d+", "hold:#")).toList());
    }

    @Test
    void makingAPermanentRecordingStandardAsksTheConsolesUsersInTheSlimContextToo() {
        // given a PERMANENT recording
        String recording = recordings.get(1).toString();
        CliRun permanent = CliRun.of("--home", home.toString(), "retention", "set", recording, "--class", "PERMANENT",
                "--category", "PENALTY_EVIDENCE", "--by", "clerk");
        assertThat(permanent.code()).as(permanent.err()).isZero();

        // when someone who is not a console administrator makes it STANDARD, in the slim context and in the whole one,
        // and then the administrator does
        CliRun slimRefused = CliRun.of("--home", home.toString(), "retention", "set", recording, "--class", "STANDARD",
                "--reason", "case closed", "--by", "clerk");
        CliRun wholeRefused;
        try (ConfigurableApplicationContext context = whole()) {
            wholeRefused = CliRun.in(context, "retention", "set", recording, "--class", "STANDARD", "--reason", "case closed", "--by", "clerk");
        }
        CliRun byAdmin = CliRun.withInput(ADMIN_PASSWORD + "\n", "--home", home.toString(), "retention", "set", recording,
                "--class", "STANDARD", "--reason", "case closed", "--by", "admin", "--password-stdin");

        // then both refuse alike, saying why, and the administrator may
        assertThat(slimRefused.code()).isNotZero().isEqualTo(wholeRefused.code());
        assertThat(slimRefused.err()).contains("'clerk' is not a console user").isEqualTo(wholeRefused.err());
        assertThat(byAdmin.code()).as(byAdmin.err()).isZero();
        assertThat(byAdmin.out()).contains("STANDARD");
    }

    @Test
    void verifyAndDevicesListSayTheSameInTheirSlimContextsAsInTheWholeApplication() {
        // when
        CliRun slimVerify = CliRun.of("--home", home.toString(), "verify");
        CliRun slimDevices = CliRun.of("--home", home.toString(), "devices", "list");
        CliRun wholeVerify;
        CliRun wholeDevices;
        try (ConfigurableApplicationContext context = whole()) {
            wholeVerify = CliRun.in(context, "verify");
            wholeDevices = CliRun.in(context, "devices", "list");
        }

        // then (verify counts the ledger, which grows as the tests go: compared without its numbers and head hash)
        assertThat(slimVerify.code()).as(slimVerify.err()).isZero();
        assertThat(slimVerify.out()).isNotBlank();
        assertThat(slimVerify.out().replaceAll("[0-9a-f]{64}", "H").replaceAll("\\d+", "#"))
                .isEqualTo(wholeVerify.out().replaceAll("[0-9a-f]{64}", "H").replaceAll("\\d+", "#"));
        assertThat(slimDevices.code()).as(slimDevices.err()).isZero();
        assertThat(slimDevices.out()).isEqualTo(wholeDevices.out());
    }

    @Test
    void anExportInItsSlimContextMakesTheBagTheWholeApplicationMakes() throws Exception {
        // when the device's recordings are exported from the command line (slim) and in the whole application
        Path slimBag = tmp.resolve("slim-bag");
        Path wholeBag = tmp.resolve("whole-bag");
        CliRun slim = CliRun.of("--home", home.toString(), "export", "--device", "DSJ0000960", "--from", "2019-02-17", "--to", "2019-02-17",
                "--out", slimBag.toString(), "--footage.export.organization=某市公安局");
        CliRun whole;
        try (ConfigurableApplicationContext context = whole()) {
            whole = CliRun.in(context, "export", "--device", "DSJ0000960", "--from", "2019-02-17", "--to", "2019-02-17",
                    "--out", wholeBag.toString());
        }

        // then both bags hold the same files, the recordings' payload files byte for byte
        assertThat(slim.code()).as(slim.err()).isZero();
        assertThat(whole.code()).as(whole.err()).isZero();
        List<String> slimFiles = files(slimBag);
        assertThat(slimFiles).anyMatch(f -> f.endsWith(".mp4")).isEqualTo(files(wholeBag));
        for (String f : slimFiles) {
            if (f.endsWith(".mp4")) {
                assertThat(Files.mismatch(slimBag.resolve(f), wholeBag.resolve(f))).as(f).isEqualTo(-1L);
            }
        }
    }

    private static List<String> files(Path bag) throws Exception {
        try (Stream<Path> walk = Files.walk(bag)) {
            return walk.filter(Files::isRegularFile).map(p -> bag.relativize(p).toString()).sorted().toList();
        }
    }

    private static ConfigurableApplicationContext whole() {
        return new SpringApplication(FootageApplication.class).run("--footage.home=" + home, "--footage.export.organization=某市公安局");
    }

    private static long lastSeq() {
        try (ConfigurableApplicationContext context = whole()) {
            return lastSeq(context.getBean(JdbcClient.class));
        }
    }

    private static long lastSeq(JdbcClient jdbc) {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM ledger").query(Long.class).single();
    }

    private static List<String> entriesAfter(JdbcClient jdbc, long seq) {
        return jdbc.sql("SELECT entry_type, subject, actor FROM ledger WHERE seq > ? ORDER BY seq").param(seq)
                .query((rs, n) -> rs.getString("entry_type") + " " + rs.getString("subject") + " " + rs.getString("actor")).list();
    }
}
