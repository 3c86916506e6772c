package footage.jobs.devices;

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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device register end to end (issue 19, docs/formats.md §9): {@code footage devices ...} on the command line, generated
 * dumps ingested with real FFmpeg, and the register findings DEVICE_LENT, UNKNOWN_DEVICE, DAMAGE_NOT_REPORTED and
 * RETIRED_DEVICE_USED as the continuity analysis raises them. H2 here; {@link PostgresDeviceRegisterTests} on PostgreSQL.
 */
@SpringBootTest(properties = "footage.ingest.quiet-period=0s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceRegisterTests {

    static final String HEADER = "deviceId,type,model,serial,officerId,officerName,assignedFrom\n";

    @Autowired
    ApplicationContext context;

    @Autowired
    JobRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FootageProperties properties;

    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        home = Files.createTempDirectory("footage-devices-");
        registry.add("footage.home", home::toString);
    }

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int footage(String... args) {
        out.reset();
        err.reset();
        return Cli.run(context, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path file(String name, byte[] bytes) throws IOException {
        Path p = home.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    Path csv(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    long devices() {
        return jdbc.sql("SELECT COUNT(*) FROM devices").query(Long.class).single();
    }

    List<Map<String, Object>> findings(String device, String kind) {
        return jdbc.sql("SELECT id, kind, path, recordings, detail, start_at, end_at FROM findings WHERE device_id = ? AND kind = ? "
                + "AND superseded_at IS NULL ORDER BY id").params(device, kind).query().listOfRows();
    }

    static String name(String device, String officer, String time, int seq) {
        return device + "_" + officer + "_20190217_" + time + "_" + String.format("%04d", seq) + ".mp4";
    }

    /** A dump docked at 2019-02-17 18:00 (+08:00), clock read, written aside then moved into drop/ whole. */
    void drop(String folder, String device, String officer, FileSpec... files) throws IOException {
        drop(folder, device, officer, "2019-02-17T18:00:00+08:00", files);
    }

    void drop(String folder, String device, String officer, String dockedAt, FileSpec... files) throws IOException {
        Path staging = home.resolve("staging");
        Files.createDirectories(staging);
        Files.createDirectories(properties.drop());
        Path written = new SampleDumpGenerator().writeDump(staging, new DumpSpec(folder, "ST01", device, officer, "张三",
                dockedAt, dockedAt, true, List.of(files)));
        Files.move(written, properties.drop().resolve(folder), StandardCopyOption.ATOMIC_MOVE);
    }

    void ingest() {
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong();

    /** A two-second clip whose content is unique in this JVM (its creation_time differs), so it is archived, not linked. */
    static VideoSpec video(double seconds) {
        return VideoSpec.small(seconds, java.time.Instant.parse("2019-02-17T01:00:00Z").plusSeconds(UNIQUE.incrementAndGet()).toString());
    }

    static FileSpec clip(String device, String officer, String time, int seq) {
        return FileSpec.video(name(device, officer, time, seq), video(2));
    }

    @BeforeAll
    void register() throws IOException {
        Path register = csv("register.csv", HEADER
                + "DSJ9000001,BODY_CAMERA,DSJ-V7,SN-0001,100234,张三,2019-01-01T08:00:00+08:00\n"
                + "DSJ9000002,BODY_CAMERA,DSJ-V7,SN-0002,100235,李四,2019-01-01T08:00:00+08:00\n"
                + "DSJ9000003,HANDHELD_TERMINAL,HT-2,SN-0003,100236,王五,2019-01-01T08:00:00+08:00\n"
                + "DSJ9000004,AUDIO_RECORDER,AR-1,SN-0004,,,\n");
        assertThat(footage("devices", "import", register.toString())).as(err()).isZero();
        assertThat(out()).contains("devices: 4 added, 0 updated, 0 unchanged, 3 assignment(s) made");
    }

    @Test
    void aDumpWithAnotherOfficersIdRaisesDeviceLentNamingTheRecordingAndBothOfficers() throws IOException {
        // given DSJ9000001 re-assigned to officer 200001 from 1 February
        assertThat(footage("devices", "assign", "DSJ9000001", "--officer", "200001", "--name", "赵六", "--from",
                "2019-02-01T08:00:00+08:00", "--by", "admin")).as(err()).isZero();
        assertThat(jdbc.sql("SELECT officer_id, valid_to FROM device_assignments WHERE device_id = 'DSJ9000001' ORDER BY valid_from")
                .query().listOfRows()).extracting(r -> r.get("officer_id"), r -> r.get("valid_to") != null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("100234", true), org.assertj.core.groups.Tuple.tuple("200001", false));

        // when a dump of it comes in whose file names carry the old officer's id, and one with the new officer's id
        drop("LENT1", "DSJ9000001", "100234", clip("DSJ9000001", "100234", "093000", 1), clip("DSJ9000001", "200001", "100000", 2));
        ingest();

        // then the recording of 100234 is DEVICE_LENT, naming it and both officer ids; the other one is not
        assertThat(findings("DSJ9000001", "DEVICE_LENT")).singleElement().satisfies(f -> {
            assertThat((String) f.get("recordings")).contains(name("DSJ9000001", "100234", "093000", 1));
            assertThat((String) f.get("path")).endsWith(name("DSJ9000001", "100234", "093000", 1));
            assertThat((String) f.get("detail")).contains("officer 100234", "officer 200001", "赵六");
        });
        assertThat(findings("DSJ9000001", "UNKNOWN_DEVICE")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DEVICE_ASSIGNED' AND subject = 'device:DSJ9000001'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aDumpFromAnUnregisteredDeviceIsArchivedAndRaisesUnknownDevice() throws IOException {
        // given a register that does not know DSJ9999999
        // when a dump of it is ingested
        drop("UNKNOWN1", "DSJ9999999", "100234", clip("DSJ9999999", "100234", "093000", 1), clip("DSJ9999999", "100234", "093100", 2));
        ingest();

        // then its files are archived all the same, and the dump carries UNKNOWN_DEVICE
        assertThat(jdbc.sql("SELECT status FROM recordings WHERE device_id = 'DSJ9999999'").query(String.class).list())
                .hasSize(2).containsOnly("ARCHIVED");
        assertThat(jdbc.sql("SELECT archive_path FROM recordings WHERE device_id = 'DSJ9999999'").query(String.class).list())
                .allSatisfy(p -> assertThat(Files.isRegularFile(properties.archive().resolve(p)) || Files.isRegularFile(Path.of(p))).isTrue());
        assertThat(findings("DSJ9999999", "UNKNOWN_DEVICE")).singleElement()
                .satisfies(f -> assertThat((String) f.get("detail")).contains("DSJ9999999", "not in the device register"));
    }

    @Test
    void aDamagedRecordingWithNoReportWithin24HoursIsDamageNotReportedAndNoneWhenReportedInTime() throws IOException {
        // given DSJ9000003 reported damaged two hours after its docking, DSJ9000002 not at all
        assertThat(footage("devices", "damage", "DSJ9000003", "--at", "2019-02-17T20:00:00+08:00", "--note", "screen cracked",
                "--by", "admin")).as(err()).isZero();

        // when a dump of each, with a truncated recording, comes in (docked 2019-02-17 18:00, long over 24 h ago)
        drop("DAMAGED2", "DSJ9000002", "100235", FileSpec.video(name("DSJ9000002", "100235", "093000", 1),
                video(10).truncatedTo(0.5)));
        drop("DAMAGED3", "DSJ9000003", "100236", FileSpec.video(name("DSJ9000003", "100236", "093000", 1),
                video(10).truncatedTo(0.5)));
        ingest();

        // then DSJ9000002's docking is DAMAGE_NOT_REPORTED naming the damaged file, DSJ9000003's is not
        assertThat(jdbc.sql("SELECT status FROM recordings WHERE device_id IN ('DSJ9000002', 'DSJ9000003')").query(String.class).list())
                .containsOnly("DAMAGED");
        assertThat(findings("DSJ9000002", "DAMAGE_NOT_REPORTED")).singleElement().satisfies(f -> {
            assertThat((String) f.get("recordings")).contains(name("DSJ9000002", "100235", "093000", 1));
            assertThat((String) f.get("detail")).contains("no damage report");
        });
        assertThat(findings("DSJ9000003", "DAMAGE_NOT_REPORTED")).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM devices WHERE id = 'DSJ9000003'").query(String.class).single()).isEqualTo("UNDER_REPAIR");

        // and a report filed three days late does not make it good
        assertThat(footage("devices", "damage", "DSJ9000002", "--at", "2019-02-20T18:00:00+08:00", "--note", "lens", "--by", "admin"))
                .as(err()).isZero();
        assertThat(findings("DSJ9000002", "DAMAGE_NOT_REPORTED")).hasSize(1);
    }

    @Test
    void recordingsAfterRetirementAreRetiredDeviceUsed() throws IOException {
        // given DSJ9000004 retired at noon on 17 February
        assertThat(footage("devices", "assign", "DSJ9000004", "--officer", "100237", "--from", "2019-01-01T00:00", "--by", "admin"))
                .as(err()).isZero();
        assertThat(footage("devices", "retire", "DSJ9000004", "--at", "2019-02-17T12:00:00+08:00", "--by", "admin")).as(err()).isZero();

        // when a dump with a morning and an afternoon recording comes in
        drop("RETIRED4", "DSJ9000004", "100237", clip("DSJ9000004", "100237", "093000", 1), clip("DSJ9000004", "100237", "150000", 2));
        ingest();

        // then only the afternoon one is RETIRED_DEVICE_USED
        assertThat(findings("DSJ9000004", "RETIRED_DEVICE_USED")).singleElement()
                .satisfies(f -> assertThat((String) f.get("recordings")).contains(name("DSJ9000004", "100237", "150000", 2)));
        assertThat(footage("devices", "list")).isZero();
        assertThat(out()).contains("DSJ9000004\tAUDIO_RECORDER\tAR-1\tSN-0004\tRETIRED");
    }

    @Test
    void reImportUpdatesTheDeviceAndClosesThePreviousAssignment() throws IOException {
        // given a register file that moves DSJ9000005 to another officer and changes its model
        assertThat(footage("devices", "import", csv("r1.csv", HEADER + "DSJ9000005,CAMERA,C-1,SN-5,300001,甲,2019-01-01T08:00:00+08:00\n")
                .toString())).as(err()).isZero();

        // when it is imported again, changed
        int code = footage("devices", "import", csv("r2.csv", HEADER + "DSJ9000005,CAMERA,C-2,SN-5,300002,乙,2019-03-01T08:00:00+08:00\n")
                .toString());

        // then the device is updated and its first assignment closed where the second starts
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("0 added, 1 updated, 0 unchanged, 1 assignment(s) made");
        assertThat(jdbc.sql("SELECT model FROM devices WHERE id = 'DSJ9000005'").query(String.class).single()).isEqualTo("C-2");
        List<Map<String, Object>> assignments = jdbc.sql("SELECT officer_id, valid_to FROM device_assignments WHERE device_id = 'DSJ9000005' "
                + "ORDER BY valid_from").query().listOfRows();
        assertThat(assignments).extracting(a -> a.get("officer_id")).containsExactly("300001", "300002");
        assertThat(jdbc.sql("SELECT valid_to FROM device_assignments WHERE device_id = 'DSJ9000005' AND officer_id = '300001'")
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(java.time.Instant.parse("2019-03-01T00:00:00Z"));
        assertThat(assignments.get(1).get("valid_to")).isNull();

        // and the same file once more changes nothing
        assertThat(footage("devices", "import", csv("r3.csv", HEADER + "DSJ9000005,CAMERA,C-2,SN-5,300002,乙,2019-03-01T08:00:00+08:00\n")
                .toString())).isZero();
        assertThat(out()).contains("0 added, 0 updated, 1 unchanged");
    }

    @Test
    void aFileWithBadLinesNamesEachAndImportsNothing() throws IOException {
        // given a file with a good line, a duplicate id, an unknown type and an impossible date
        long before = devices();
        long ledger = jdbc.sql("SELECT COUNT(*) FROM ledger").query(Long.class).single();
        Path bad = csv("bad.csv", HEADER
                + "DSJ9100001,BODY_CAMERA,M,S1,100234,张三,2019-01-01T08:00:00+08:00\n"
                + "DSJ9100002,BODY_CAMERA,M,S2,100234,张三,2019-01-01T08:00:00+08:00\n"
                + "DSJ9100002,CAMERA,M,S3,,,\n"
                + "DSJ9100003,DRONE,M,S4,,,\n"
                + "DSJ9100004,CAMERA,M,S5,100234,张三,2019-02-30T08:00:00+08:00\n");

        // when it is imported
        int code = footage("devices", "import", bad.toString());

        // then every bad line is named with its reason, and nothing at all was imported
        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("line 4 (DSJ9100002): duplicate deviceId DSJ9100002 (also on line 3)",
                "line 5 (DSJ9100003): unknown type 'DRONE'", "line 6 (DSJ9100004): assignedFrom:", "nothing was imported");
        assertThat(err()).doesNotContain("line 2", "line 3 ");
        assertThat(devices()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger").query(Long.class).single()).isEqualTo(ledger);
    }

    @Test
    void aBomIsReadAndAGbkFileIsRefusedByName() throws IOException {
        // given the same register line with a UTF-8 BOM, and in GBK
        String text = HEADER + "DSJ9200001,BODY_CAMERA,M,S1,100234,张三,2019-01-01T08:00:00+08:00\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        Path gbk = file("gbk.csv", (HEADER + "DSJ9200002,BODY_CAMERA,M,S1,100234,张三,2019-01-01T08:00:00+08:00\n")
                .getBytes(Charset.forName("GBK")));

        // when both are imported
        int gbkCode = footage("devices", "import", gbk.toString());
        String gbkErr = err();
        int bomCode = footage("devices", "import", file("bom.csv", bom).toString());

        // then the GBK file is refused by name with nothing imported, and the BOM file's header is read
        assertThat(gbkCode).isEqualTo(2);
        assertThat(gbkErr).contains("gbk.csv", "not UTF-8", "GBK", "nothing was imported");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devices WHERE id = 'DSJ9200002'").query(Long.class).single()).isZero();
        assertThat(bomCode).as(err()).isZero();
        assertThat(jdbc.sql("SELECT officer_name FROM device_assignments WHERE device_id = 'DSJ9200001'").query(String.class).single())
                .isEqualTo("张三");
    }

    @Test
    void badValuesOnTheCommandLineAreUsageErrors() {
        // given / when / then
        assertThat(footage("devices", "damage", "NO-SUCH", "--at", "2019-02-17T20:00", "--note", "x", "--by", "admin")).isEqualTo(2);
        assertThat(err()).contains("no device NO-SUCH in the register");
        assertThat(footage("devices", "retire", "DSJ9000001", "--at", "2019-02-30T20:00", "--by", "admin")).isEqualTo(2);
        assertThat(err()).contains("--at");
        assertThat(footage("devices", "repaired", "DSJ9000001", "--at", "2019-02-20T20:00", "--by", "admin")).isEqualTo(2);
        assertThat(err()).contains("not UNDER_REPAIR");
    }

    @Test
    void theGapReportsDeviceRowsShowTypeModelAndAssignedOfficerFromTheRegister() throws IOException {
        // given a registered camera with a dump of its officer, and an unregistered device's dump
        assertThat(footage("devices", "import", csv("r6.csv", HEADER + "DSJ9000006,CAMERA,C-9,SN-6,100240,钱七,2019-01-01T08:00:00+08:00\n")
                .toString())).as(err()).isZero();
        drop("REPORT6", "DSJ9000006", "100240", clip("DSJ9000006", "100240", "093000", 1));
        drop("REPORT7", "DSJ9999997", "100240", clip("DSJ9999997", "100240", "093000", 1));
        ingest();

        // when the gap report is written as JSON and as HTML
        Path json = home.resolve("gaps.json");
        Path html = home.resolve("gaps.html");
        assertThat(footage("report", "gaps", "--format", "json", "--out", json.toString())).as(err()).isZero();
        assertThat(footage("report", "gaps", "--format", "html", "--lang", "en", "--out", html.toString())).as(err()).isZero();

        // then the registered device's row carries the register's fields, the unregistered one's is as before
        tools.jackson.databind.JsonNode devices = Json.MAPPER.readTree(json.toFile()).get("devices");
        tools.jackson.databind.JsonNode camera = null;
        tools.jackson.databind.JsonNode unknown = null;
        for (tools.jackson.databind.JsonNode d : devices) {
            camera = d.get("deviceId").asText().equals("DSJ9000006") ? d : camera;
            unknown = d.get("deviceId").asText().equals("DSJ9999997") ? d : unknown;
        }
        assertThat(camera).isNotNull();
        assertThat(camera.get("type").asText()).isEqualTo("CAMERA");
        assertThat(camera.get("model").asText()).isEqualTo("C-9");
        assertThat(camera.get("assignedOfficers").get(0).get("officerId").asText()).isEqualTo("100240");
        assertThat(camera.get("assignedOfficers").get(0).get("officerName").asText()).isEqualTo("钱七");
        assertThat(camera.get("assignedOfficers").get(0).get("to").isNull()).isTrue();
        List<String> names = new java.util.ArrayList<>();
        names.addAll(unknown.propertyNames());
        assertThat(names).containsExactly("deviceId", "clockOffsetSeconds", "recordings", "findings");
        assertThat(unknown.get("findings").findValuesAsString("kind")).contains("UNKNOWN_DEVICE");
        assertThat(Files.readString(html)).contains("CAMERA C-9 → 钱七 (100240)", "Unknown device");
    }

    @Autowired
    footage.jobs.continuity.ContinuityMarks marks;

    @Test
    void aDamagedRecordingDockedAnHourAgoIsNotJudgedYetAndItsDeviceWaitsForTheDeadline() throws IOException {
        // given a registered device docked an hour ago with a damaged recording
        assertThat(footage("devices", "import", csv("r8.csv", HEADER + "DSJ9000008,BODY_CAMERA,V7,SN-8,100238,孙八,2019-01-01T08:00:00+08:00\n")
                .toString())).as(err()).isZero();
        String hourAgo = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusHours(1)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        drop("RECENT8", "DSJ9000008", "100238", hourAgo, FileSpec.video(name("DSJ9000008", "100238", "093000", 1),
                video(10).truncatedTo(0.5)));

        // when it is ingested
        ingest();

        // then no DAMAGE_NOT_REPORTED yet (the 24 h are not over), and the device stays waiting for analysis
        assertThat(jdbc.sql("SELECT status FROM recordings WHERE device_id = 'DSJ9000008'").query(String.class).single()).isEqualTo("DAMAGED");
        assertThat(findings("DSJ9000008", "DAMAGE_NOT_REPORTED")).isEmpty();
        assertThat(marks.marked()).contains("DSJ9000008");

        // and once a report is filed the device no longer waits
        assertThat(footage("devices", "damage", "DSJ9000008", "--at", java.time.OffsetDateTime.now().toString(), "--note", "dropped",
                "--by", "admin")).as(err()).isZero();
        assertThat(marks.marked()).doesNotContain("DSJ9000008");
        assertThat(findings("DSJ9000008", "DAMAGE_NOT_REPORTED")).isEmpty();
    }

    @Test
    void aRegisterFindingIsExplainedLikeAnyOther() throws IOException {
        // given an UNKNOWN_DEVICE finding
        drop("UNKNOWN9", "DSJ9999990", "100234", clip("DSJ9999990", "100234", "093000", 1));
        ingest();
        String id = (String) findings("DSJ9999990", "UNKNOWN_DEVICE").get(0).get("id");

        // when it is explained
        int code = footage("explain", id, "--reason", "FORCE_MAJEURE", "--note", "spare camera during a flood", "--by", "esther");

        // then the explanation is stored and ledgered
        assertThat(code).as(err()).isZero();
        assertThat(jdbc.sql("SELECT explanation_reason FROM findings WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("FORCE_MAJEURE");
    }

    @Test
    void aDamagedRecordingInADumpWithoutManifestIsJudgedFromWhenItWasTakenIn() throws IOException {
        // given a registered device and a dump of it without a manifest (no docking time), with a damaged recording
        assertThat(footage("devices", "import", csv("r10.csv", HEADER + "DSJ9000010,BODY_CAMERA,V7,SN-10,,,\n").toString()))
                .as(err()).isZero();
        Path staging = home.resolve("staging");
        Files.createDirectories(staging);
        Path written = new SampleDumpGenerator().writeDump(staging, new DumpSpec("NOMANIFEST10", null, "DSJ9000010", "100240", null,
                null, null, false, List.of(FileSpec.video(name("DSJ9000010", "100240", "093000", 1), video(10).truncatedTo(0.5)))));
        Files.move(written, properties.drop().resolve("NOMANIFEST10"), StandardCopyOption.ATOMIC_MOVE);

        // when it is ingested (just now: the 24 h from its intake are not over)
        ingest();

        // then it is not judged yet, and its device waits for the deadline
        assertThat(jdbc.sql("SELECT status FROM recordings WHERE device_id = 'DSJ9000010'").query(String.class).single()).isEqualTo("DAMAGED");
        assertThat(findings("DSJ9000010", "DAMAGE_NOT_REPORTED")).isEmpty();
        assertThat(marks.marked()).contains("DSJ9000010");
    }
}
