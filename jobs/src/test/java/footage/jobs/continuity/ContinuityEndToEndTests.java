package footage.jobs.continuity;

import footage.pipeline.text.Json;
import footage.jobs.FootageProperties;
import footage.jobs.cli.Cli;
import footage.jobs.runs.JobRuns;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Generated dumps covering every timeline finding kind of docs/formats.md §6, ingested end to end (real FFmpeg, real files, H2);
 * findings checked field by field on the reference clock.
 */
@SpringBootTest(properties = "footage.ingest.quiet-period=0s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContinuityEndToEndTests {

    static final String A = FindingCorpus.A;
    static final String LATE = FindingCorpus.LATE;
    static final String NOCLOCK = FindingCorpus.NOCLOCK;
    static final String BADDATE = FindingCorpus.BADDATE;

    @Autowired
    JobRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FootageProperties properties;

    @Autowired
    ContinuityService continuity;

    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        home = Files.createTempDirectory("footage-continuity-");
        registry.add("footage.home", home::toString);
    }

    static String name(String device, String date, String time, int seq) {
        return FindingCorpus.name(device, date, time, seq);
    }

    static VideoSpec clip(double seconds, String creationTime) {
        return FindingCorpus.clip(seconds, creationTime);
    }

    @BeforeAll
    void ingestEveryKind() throws IOException {
        FindingCorpus.write(properties.drop());
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    List<Map<String, Object>> findings(String device, String kind) {
        return jdbc.sql("SELECT id, start_at, end_at, seconds, recordings, activity_id, path FROM findings "
                        + "WHERE device_id = ? AND kind = ? AND superseded_at IS NULL ORDER BY start_at, id")
                .params(device, kind).query().listOfRows();
    }

    static Instant t(Object v) {
        return ((OffsetDateTime) v).toInstant();
    }

    static Instant local(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @Test
    void gapIsOnTheReferenceClockBetweenTheNamedRecordings() {
        // f2 ends 09:00:40 device time, f3 starts 09:01:10; the device was 95 s fast
        assertThat(findings(A, "GAP")).filteredOn(f -> ((String) f.get("recordings")).contains("_0002.mp4\",\""))
                .singleElement().satisfies(f -> {
            assertThat(t(f.get("start_at"))).isCloseTo(local("2019-03-01T08:59:05"), within(Duration.ofSeconds(1)));
            assertThat(t(f.get("end_at"))).isCloseTo(local("2019-03-01T08:59:35"), within(Duration.ofSeconds(1)));
            assertThat((Double) f.get("seconds")).isCloseTo(30.0, within(0.1));
            assertThat((String) f.get("recordings")).isEqualTo("[\"" + name(A, "20190301", "090020", 2) + "\",\""
                    + name(A, "20190301", "090110", 3) + "\"]");
        });
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ContinuityMarks marks;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void theContinuityCommandAnalysesTheWaitingDevicesOneDeviceOrAllAndRefusesAnUnknownDevice() {
        // given device A marked as waiting for analysis, and its findings as they are
        List<Map<String, Object>> gapsBefore = findings(A, "GAP");
        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> marks.mark(A, "test: a tolerance changed"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        // when the command runs without options, then with --device, then with --all
        int waiting = Cli.run(context, print, print, "continuity");
        int one = Cli.run(context, print, print, "continuity", "--device", LATE);
        int all = Cli.run(context, print, print, "continuity", "--all");

        // then each analysed what it was asked to, changed no finding, and left nothing waiting
        assertThat(List.of(waiting, one, all)).containsOnly(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 device(s) waiting for analysis",
                "1 device(s) analysed, 0 finding(s) raised, 0 superseded");
        assertThat(out.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow())
                .matches("continuity: ([3-9]|\\d{2,}) device\\(s\\) analysed, 0 finding\\(s\\) raised, 0 superseded");
        assertThat(findings(A, "GAP")).isEqualTo(gapsBefore);
        assertThat(marks.marked()).isEmpty();
        out.reset();
        assertThat(Cli.run(context, print, print, "continuity", "--device", "NO-SUCH-DEVICE")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NO-SUCH-DEVICE");
    }

    @Autowired
    footage.jobs.report.GapReportBuilder reports;

    @Autowired
    footage.jobs.report.GapReportRenderer renderer;

    @Autowired
    footage.jobs.ledger.Ledger ledger;

    @Test
    void theJsonReportCarriesEveryFindingKindOnTheReferenceClock() throws Exception {
        // when
        byte[] json = renderer.render(reports.build(footage.jobs.report.ReportFilter.all()), footage.jobs.report.ReportFormat.JSON);

        // then
        var root = Json.MAPPER.readTree(json);
        assertThat(root.get("schema").asText()).isEqualTo("footage-gap-report/1");
        assertThat(root.get("ledgerHead").asText()).isEqualTo(ledger.headHash());
        java.util.Map<String, tools.jackson.databind.JsonNode> devices = new java.util.HashMap<>();
        root.get("devices").forEach(d -> devices.put(d.get("deviceId").asText(), d));
        var a = devices.get(A);
        // the newest dock's offset: 95 s, or 1 s once the re-dock test has docked the device again
        assertThat(a.get("clockOffsetSeconds").asDouble()).isEqualTo(jdbc.sql("SELECT clock_offset_seconds FROM dumps "
                + "WHERE device_id = ? ORDER BY docked_at DESC LIMIT 1").param(A).query(Double.class).single());
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        devices.values().forEach(d -> d.get("findings").forEach(f -> kinds.add(f.get("kind").asText())));
        assertThat(kinds).containsExactlyInAnyOrder("GAP", "OVERLAP", "DISCONTINUITY", "DAMAGED", "CLOCK_DRIFT",
                "LATE_UPLOAD", "TIME_MISMATCH", "CLOCK_UNVERIFIED", "TIME_UNREADABLE");
        var gap = java.util.stream.StreamSupport.stream(a.get("findings").spliterator(), false)
                .filter(f -> f.get("kind").asText().equals("GAP")
                        && f.get("recordings").get(0).asText().equals(name(A, "20190301", "090020", 2)))
                .findFirst().orElseThrow();
        assertThat(OffsetDateTime.parse(gap.get("start").asText()).toInstant())
                .isCloseTo(local("2019-03-01T08:59:05"), within(Duration.ofSeconds(1)));
        assertThat(gap.get("start").asText()).endsWith("+08:00");
        assertThat(OffsetDateTime.parse(gap.get("end").asText()).toInstant())
                .isCloseTo(local("2019-03-01T08:59:35"), within(Duration.ofSeconds(1)));
        assertThat(gap.get("seconds").asDouble()).isCloseTo(30.0, within(0.1));
        assertThat(gap.get("recordings").get(1).asText()).isEqualTo(name(A, "20190301", "090110", 3));
        assertThat(gap.get("activityId").isNull()).isTrue();
        var first = a.get("recordings").get(0);
        assertThat(first.get("file").asText()).isEqualTo(name(A, "20190301", "090000", 1));
        assertThat(OffsetDateTime.parse(first.get("start").asText()).toInstant())
                .isCloseTo(local("2019-03-01T08:58:25"), within(Duration.ofSeconds(1)));
        assertThat(first.get("durationSeconds").asDouble()).isCloseTo(20.0, within(0.1));
        assertThat(first.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(first.get("sha256").asText()).hasSize(64);
    }

    @Test
    void overlapDiscontinuityDamageAndTimeMismatchAreFound() {
        assertThat(findings(A, "OVERLAP")).singleElement()
                .satisfies(f -> assertThat((Double) f.get("seconds")).isCloseTo(5.0, within(0.1)));
        assertThat(findings(A, "DISCONTINUITY")).singleElement().satisfies(f -> {
            assertThat((Double) f.get("seconds")).isCloseTo(3.1, within(0.05));
            assertThat(t(f.get("start_at"))).isCloseTo(local("2019-03-01T09:00:29.9"), within(Duration.ofSeconds(1)));
        });
        assertThat(findings(A, "DAMAGED")).singleElement()
                .satisfies(f -> assertThat(f.get("path")).isEqualTo(name(A, "20190301", "090300", 6)));
        assertThat(findings(A, "TIME_MISMATCH")).singleElement()
                .satisfies(f -> assertThat((Double) f.get("seconds")).isCloseTo(360.0, within(0.5)));
    }

    @Test
    void clockDriftLateUploadAndUnverifiedClockAreFound() {
        assertThat(findings(A, "CLOCK_DRIFT")).singleElement().satisfies(f -> {
            assertThat((Double) f.get("seconds")).isEqualTo(95.0);
            assertThat(t(f.get("start_at"))).isEqualTo(local("2019-03-01T18:00:00")).isEqualTo(t(f.get("end_at")));
        });
        assertThat(findings(LATE, "LATE_UPLOAD")).singleElement().satisfies(f -> {
            assertThat(t(f.get("start_at"))).isEqualTo(local("2019-03-01T09:00:20"));
            assertThat(t(f.get("end_at"))).isEqualTo(local("2019-03-03T12:00:00"));
        });
        assertThat(findings(NOCLOCK, "CLOCK_UNVERIFIED")).hasSize(1);
    }

    @Test
    void anImpossibleNameDateIsAFindingNeverA29February() {
        // then both recordings are archived under the name's device and officer, their times never read as 29 February
        List<Map<String, Object>> rows = jdbc.sql("SELECT file_name, status, officer_id, device_start_source, corrected_start, "
                + "time_problem FROM recordings WHERE device_id = ? ORDER BY file_name").param(BADDATE).query().listOfRows();
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("ARCHIVED");
            assertThat(r.get("officer_id")).isEqualTo("100234");
            assertThat(r.get("time_problem")).isEqualTo("file name date 20240230 is not a real date (Invalid date 'FEBRUARY 30')");
        });
        assertThat(rows.get(0).get("device_start_source")).isEqualTo("CREATION_TIME");
        assertThat(t(rows.get(0).get("corrected_start"))).isEqualTo(Instant.parse("2024-03-05T01:00:00Z"));
        assertThat(rows.get(1).get("device_start_source")).isEqualTo("UNKNOWN");
        assertThat(rows.get(1).get("corrected_start")).isNull();
        // each is a TIME_UNREADABLE finding: the first placed by its creation_time, the second nowhere (and unverified)
        assertThat(findings(BADDATE, "TIME_UNREADABLE").stream().sorted(java.util.Comparator.comparing(f -> (String) f.get("path"))))
                .satisfiesExactly(
                f -> {
                    assertThat(t(f.get("start_at"))).isEqualTo(Instant.parse("2024-03-05T01:00:00Z"));
                    assertThat(t(f.get("end_at"))).isCloseTo(Instant.parse("2024-03-05T01:00:10Z"), within(Duration.ofSeconds(1)));
                    assertThat(f.get("path")).isEqualTo(name(BADDATE, "20240230", "090000", 1));
                },
                f -> {
                    assertThat(f.get("start_at")).isNull();
                    assertThat(f.get("path")).isEqualTo(name(BADDATE, "20240230", "100000", 2));
                });
        assertThat(findings(BADDATE, "CLOCK_UNVERIFIED")).singleElement()
                .satisfies(f -> assertThat(f.get("path")).isEqualTo(name(BADDATE, "20240230", "100000", 2)));
        // read as 29 February the first would have been docked 128 h late, and 6 days off its creation_time
        assertThat(findings(BADDATE, "LATE_UPLOAD")).isEmpty();
        assertThat(findings(BADDATE, "TIME_MISMATCH")).isEmpty();
    }

    @Test
    void reRunningAndReDockingADuplicateChangeNoFinding() throws IOException {
        // given the finding ids as they are
        List<String> before = jdbc.sql("SELECT id FROM findings WHERE superseded_at IS NULL ORDER BY id").query(String.class).list();

        // when the first recording of device A docks again (same bytes; clock set right meanwhile) and the analysis runs again
        SampleDumpGenerator g = new SampleDumpGenerator();
        g.writeDump(properties.drop(), new DumpSpec("A2", "ST01", A, "100234", "张三", "2019-03-01T18:30:00+08:00",
                "2019-03-01T18:30:01+08:00", true, List.of(
                FileSpec.video(name(A, "20190301", "090000", 1), clip(20, "2019-03-01T09:00:00Z")))));
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        continuity.analyze(List.of(A, LATE, NOCLOCK), "test");

        // then it is linked, and no OVERLAP with itself (or any other new finding) appears
        assertThat(jdbc.sql("SELECT f.status FROM dump_files f JOIN dumps d ON d.id = f.dump_id WHERE d.folder = 'A2'")
                .query(String.class).list()).containsExactly("DUPLICATE");
        assertThat(findings(A, "OVERLAP")).hasSize(1);
        List<String> after = jdbc.sql("SELECT id FROM findings WHERE superseded_at IS NULL ORDER BY id").query(String.class).list();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void activityWindowsGiveGapsWithTheActivityIdAndACoverage() throws IOException {
        // given an activity on device LATE from 08:59:50 to 09:00:30 (recorded 09:00:00-09:00:20)
        Path csv = home.resolve("activities.csv");
        Files.writeString(csv, "id,caseNumber,start,end,devices,officers,permanent\n"
                + "ACT-1,CASE-2019-7,2019-03-01T08:59:50+08:00,2019-03-01T09:00:30+08:00," + LATE + ",,PENALTY_EVIDENCE\n"
                + "BAD-1,CASE-X,2019-03-01T10:00:00+08:00,2019-03-01T09:00:00+08:00," + LATE + ",,\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--home", home.toString(), "activities", "import", csv.toString()});

        // then the bad row is reported, the good one stored, and the window's holes are GAPs of the activity
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3: end 2019-03-01T09:00+08:00 is not after start");
        List<Map<String, Object>> gaps = findings(LATE, "GAP");
        assertThat(gaps).hasSize(2).allSatisfy(g -> assertThat(g.get("activity_id")).isEqualTo("ACT-1"));
        assertThat(gaps).extracting(g -> (Double) g.get("seconds")).containsExactly(10.0, 10.0);
        assertThat(jdbc.sql("SELECT coverage_percent FROM activities WHERE id = 'ACT-1'").query(Double.class).single())
                .isCloseTo(50.0, within(0.01));
    }

    @Test
    void anImpossibleActivityDateIsThatLinesErrorNever29February() throws IOException {
        // given
        Path csv = home.resolve("activities-impossible.csv");
        Files.writeString(csv, "id,caseNumber,start,end,devices,officers,permanent\n"
                + "ACT-FEB30,CASE-2024-2,2024-02-30T09:00:00+08:00,2024-03-01T10:00:00+08:00," + LATE + ",,\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int code = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--home", home.toString(), "activities", "import", csv.toString()});

        // then
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("footage: skipped line 2: start: '2024-02-30T09:00:00+08:00' "
                + "is not a real date or time: Invalid date 'FEBRUARY 30'");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activities WHERE id = 'ACT-FEB30'").query(Long.class).single()).isZero();
    }

    @Test
    void explainingAFindingRecordsTheReasonWhoAndWhenAndRefusesUnknownReasons() {
        // given
        String id = (String) findings(A, "GAP").get(0).get("id");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // when
        int bad = cli.run(new String[] {"--home", home.toString(), "explain", id, "--reason", "LUNCH", "--note", "x", "--by", "u1"});
        int good = cli.run(new String[] {"--home", home.toString(), "explain", id, "--reason", "WEATHER",
                "--note", "暴雨，设备进水", "--by", "王五"});

        // then
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--reason': expected one of [PRIVACY_OR_TRADE_SECRET, WEATHER, OBSTRUCTION, FORCE_MAJEURE] (case-insensitive) but was 'LUNCH'");
        assertThat(good).isZero();
        Map<String, Object> row = jdbc.sql("SELECT explanation_reason, explanation_note, explained_by, explained_at FROM findings WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(row.get("explanation_reason")).isEqualTo("WEATHER");
        assertThat(row.get("explanation_note")).isEqualTo("暴雨，设备进水");
        assertThat(row.get("explained_by")).isEqualTo("王五");
        assertThat(row.get("explained_at")).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = 'FINDING_EXPLAINED' AND subject = ?")
                .param("finding:" + id).query(Long.class).single()).isEqualTo(1L);
    }
}
