package footage.jobs.retention;

import footage.jobs.catalog.ObjectLocations;
import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import tools.jackson.databind.ObjectMapper;
import footage.jobs.FootageProperties;
import footage.jobs.cli.TestCommands;
import footage.jobs.report.GapReportBuilder;
import footage.jobs.report.GapReportRenderer;
import footage.jobs.report.ReportFilter;
import footage.jobs.report.ReportFormat;
import footage.jobs.runs.JobRuns;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static footage.jobs.retention.RetentionFootage.a;
import static footage.jobs.retention.RetentionFootage.b1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention end to end on real footage ingested by the real ingest job, with {@code footage.expired} on a filesystem of
 * its own (a tmpfs): classes at ingest, activity flags, retention set, holds, the dry run, the sweep, a second sweep,
 * and verify/fixity/export/report afterwards; run once per catalog database (H2, PostgreSQL). Each test starts from the
 * catalog and the files as the ingest left them (put back before each test) and makes its own retention state: they
 * run in random order to keep it so (JUnit logs the seed to repeat an order).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.Random.class)
abstract class AbstractRetentionSweepTests {

    static final ObjectMapper JSON = Json.MAPPER;
    private static final String ADMIN_PASSWORD = "Tide-Lantern-Orchard-91";

    @Autowired
    JobRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FootageProperties properties;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    GapReportBuilder reports;

    @Autowired
    GapReportRenderer renderer;

    @TempDir
    Path tmp;
    Path expired;
    private CatalogSnapshot ingested;

    /** A home in a temp folder, and its expired/ on a filesystem of its own. */
    static void home(DynamicPropertyRegistry registry, String name) throws IOException {
        String home = Files.createTempDirectory("footage-retention-" + name + "-").toString();
        String expired = OtherFilesystem.folder("footage-expired-" + name + "-").toString();
        registry.add("footage.home", () -> home);
        registry.add("footage.expired", () -> expired);
    }

    record Run(int code, String text) {
    }

    @BeforeAll
    void ingest() throws IOException {
        expired = properties.expired();
        RetentionFootage.writeDumps(properties.drop());
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single()).isEqualTo(5L);
        if (derivativesTable()) {
            derivative(a(1), "proxy-360p");
            derivative(a(1), "thumbnail");
            derivative(b1(), "proxy-360p");
        }
        ingested = CatalogSnapshot.take(dataSource, properties, Files.createTempDirectory("footage-retention-snapshot-"));
    }

    @BeforeEach
    void asIngested() {
        ingested.restore();
    }

    @Test
    void everyRecordingIsCataloguedStandardUntilItsRecordingDatePlusTwoYearsWithALedgerEntry() throws IOException {
        // when
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, retention_class, retention_category, retain_until, on_hold "
                + "FROM recordings ORDER BY id").query().listOfRows();

        // then
        assertThat(rows).allSatisfy(r -> {
            assertThat(value(r, "retention_class")).isEqualTo("STANDARD");
            assertThat(value(r, "retention_category")).isNull();
            assertThat(value(r, "retain_until").toString()).isEqualTo("2021-02-17");
            assertThat(value(r, "on_hold")).isEqualTo(false);
        });
        JsonNode entry = JSON.readTree(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'RETENTION_SET' AND subject = ?")
                .param("recording:" + id(a(1))).query(String.class).single());
        assertThat(entry.get("retentionClass").asText()).isEqualTo("STANDARD");
        assertThat(entry.get("retainUntil").asText()).isEqualTo("2021-02-17");
        assertThat(entry.get("period").asText()).isEqualTo("P2Y");
    }

    @Test
    void activityFlagsMakeTheCoveredRecordingsPermanentAndPermanentIsSticky() throws IOException {
        // given an activity of device A around a2 only (reference 09:28:30-09:28:31), flagged penalty evidence
        Path flagged = activities("ACT-P", "CASE-P", "2019-02-17T09:28:29+08:00", "2019-02-17T09:28:31+08:00", RetentionFootage.DEVICE_A,
                "[\"PENALTY_EVIDENCE\", \"OBSTRUCTION\"]");
        Path unflagged = activities("ACT-P", "CASE-P", "2019-02-17T09:28:29+08:00", "2019-02-17T09:28:31+08:00", RetentionFootage.DEVICE_A, "[]");

        // when imported, then imported again without its flags
        Run first = command("activities import", List.of(flagged.toString()), Map.of());
        Run second = command("activities import", List.of(unflagged.toString()), Map.of());

        // then a2 became PERMANENT (the first category the article lists) and stayed so; the others did not
        assertThat(first.code()).as(first.text()).isZero();
        assertThat(second.code()).as(second.text()).isZero();
        assertThat(retention(a(2))).isEqualTo("PERMANENT PENALTY_EVIDENCE null");
        assertThat(retention(a(1))).isEqualTo("STANDARD null 2021-02-17");
        assertThat(retention(a(3))).isEqualTo("STANDARD null 2021-02-17");
        JsonNode entry = JSON.readTree(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'RETENTION_SET' AND subject = ? "
                + "ORDER BY seq DESC LIMIT 1").param("recording:" + id(a(2))).query(String.class).single());
        assertThat(entry.get("activities").toString()).isEqualTo("[\"ACT-P\"]");
        assertThat(entry.get("previousClass").asText()).isEqualTo("STANDARD");
    }

    @Test
    void makingAPermanentRecordingStandardAgainNeedsAReasonAndAnAdminAndIsLedgeredWithWhoAndWhy() throws IOException {
        // given a4 PERMANENT, and console users who are an enabled admin, an operator and a disabled admin
        String a4 = Long.toString(id(a(4)));
        Run permanent = command("retention set", List.of(a4), Map.of("class", "PERMANENT", "category", "COMPLEX_CASE", "by", "王五"));
        consoleUser("zhao.liu", true, "ADMIN");
        consoleUser("qian.qi", true, "OPERATOR");
        consoleUser("sun.ba", false, "ADMIN");

        // when
        Run withoutReason = command("retention set", List.of(a4), Map.of("class", "STANDARD", "by", "zhao.liu"));
        Run noUser = command("retention set", List.of(a4), Map.of("class", "STANDARD", "by", "王五", "reason", "not mine"));
        Run operator = command("retention set", List.of(a4), Map.of("class", "STANDARD", "by", "qian.qi", "reason", "not mine"));
        Run disabled = command("retention set", List.of(a4), Map.of("class", "STANDARD", "by", "sun.ba", "reason", "not mine"));
        Run adminNoPassword = command("retention set", List.of(a4), Map.of("class", "STANDARD", "by", "zhao.liu",
                "reason", "flagged by mistake"));
        Run adminWrongPassword = withStandardInput("zhao.liu's guess\n", () -> command("retention set", List.of(a4),
                Map.of("class", "STANDARD", "by", "zhao.liu", "reason", "flagged by mistake", "password-stdin", "")));
        String stillPermanent = retention(a(4));
        Run admin = withStandardInput(ADMIN_PASSWORD + "\n", () -> command("retention set", List.of(a4),
                Map.of("class", "STANDARD", "by", "zhao.liu", "reason", "flagged by mistake", "password-stdin", "")));
        Run noCategory = command("retention set", List.of(a4), Map.of("class", "PERMANENT", "by", "王五"));

        // then only the enabled admin with a reason made it STANDARD; each refusal is one line and ledgered
        assertThat(permanent.code()).as(permanent.text()).isZero();
        assertThat(withoutReason.code()).isEqualTo(2);
        assertThat(withoutReason.text()).contains("is PERMANENT (COMPLEX_CASE)").contains("--reason");
        assertThat(List.of(noUser, operator, disabled)).allSatisfy(r -> {
            assertThat(r.code()).as(r.text()).isEqualTo(2);
            assertThat(r.text().strip()).doesNotContain("\n").contains("refused").contains("only an enabled console ADMIN");
        });
        assertThat(noUser.text()).contains("'王五' is not a console user");
        assertThat(operator.text()).contains("'qian.qi' is not an ADMIN");
        assertThat(disabled.text()).contains("'sun.ba' is disabled");
        assertThat(adminNoPassword.code()).isEqualTo(2);
        assertThat(adminNoPassword.text()).contains("did not get the console password of 'zhao.liu'")
                .contains("--password-stdin");
        assertThat(adminWrongPassword.code()).isEqualTo(2);
        assertThat(adminWrongPassword.text()).contains("the console password given for 'zhao.liu' is wrong");
        assertThat(stillPermanent).isEqualTo("PERMANENT COMPLEX_CASE null");
        List<Map<String, Object>> refusals = jdbc.sql("SELECT actor, payload FROM ledger WHERE entry_type = 'RETENTION_REFUSED' "
                + "AND subject = ? ORDER BY seq").param("recording:" + a4).query().listOfRows();
        assertThat(refusals).extracting(r -> value(r, "actor")).containsExactly("王五", "qian.qi", "sun.ba", "zhao.liu", "zhao.liu");
        JsonNode refusal = JSON.readTree((String) value(refusals.get(1), "payload"));
        assertThat(refusal.get("requestedClass").asText()).isEqualTo("STANDARD");
        assertThat(refusal.get("retentionClass").asText()).isEqualTo("PERMANENT");
        assertThat(refusal.get("category").asText()).isEqualTo("COMPLEX_CASE");
        assertThat(refusal.get("reason").asText()).isEqualTo("not mine");
        assertThat(refusal.get("refusal").asText()).contains("'qian.qi' is not an ADMIN");
        assertThat(admin.code()).as(admin.text()).isZero();
        assertThat(noCategory.code()).isEqualTo(2);
        assertThat(retention(a(4))).isEqualTo("STANDARD null 2021-02-17");
        Map<String, Object> entry = jdbc.sql("SELECT actor, payload FROM ledger WHERE entry_type = 'RETENTION_SET' AND subject = ? "
                + "ORDER BY seq DESC LIMIT 1").param("recording:" + a4).query().singleRow();
        assertThat(value(entry, "actor")).isEqualTo("zhao.liu");
        JsonNode payload = JSON.readTree((String) value(entry, "payload"));
        assertThat(payload.get("reason").asText()).isEqualTo("flagged by mistake");
        assertThat(payload.get("previousClass").asText()).isEqualTo("PERMANENT");
        assertThat(payload.get("previousCategory").asText()).isEqualTo("COMPLEX_CASE");
        assertThat(payload.get("via").asText()).isEqualTo("command line");
        assertThat(payload.get("proven").asText()).isEqualTo("console password");
        assertThat(payload.get("osUser").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(JSON.readTree((String) value(refusals.get(4), "payload")).get("osUser").asText())
                .isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void holdsOnACaseAndOnARecordingAreLedgeredAndALiftedHoldHoldsNothing() throws IOException {
        // given an activity of case CASE-7 around b1, and no holds yet
        Path caseActivity = activities("ACT-7", "CASE-7", "2019-02-17T09:59:00+08:00", "2019-02-17T10:01:00+08:00",
                RetentionFootage.DEVICE_B, "[]");
        assertThat(command("activities import", List.of(caseActivity.toString()), Map.of()).code()).isZero();
        String a3 = Long.toString(id(a(3)));
        String a4 = Long.toString(id(a(4)));

        // when
        Run onCase = command("hold set", List.of(), Map.of("case", "CASE-7", "reason", "court request 2026-11", "by", "王五"));
        Run onRecording = command("hold set", List.of(), Map.of("recording", a3, "reason", "complaint", "by", "王五"));
        Run again = command("hold set", List.of(), Map.of("recording", a3, "reason", "complaint", "by", "王五"));
        Run setA4 = command("hold set", List.of(), Map.of("recording", a4, "reason", "check", "by", "王五"));
        Run liftA4 = command("hold lift", List.of(), Map.of("recording", a4, "reason", "checked", "by", "王五"));
        Run liftNothing = command("hold lift", List.of(), Map.of("recording", a4, "reason", "checked", "by", "王五"));
        Run both = command("hold set", List.of(), Map.of("recording", a4, "case", "CASE-7", "reason", "x", "by", "y"));

        // then
        assertThat(onCase.code()).as(onCase.text()).isZero();
        assertThat(onCase.text()).contains("1 recording(s) held now [" + id(b1()) + "]");
        assertThat(onRecording.code()).isZero();
        assertThat(again.text()).contains("is already held");
        assertThat(setA4.code()).isZero();
        assertThat(liftA4.code()).as(liftA4.text()).isZero();
        JsonNode liftedEntry = JSON.readTree(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'HOLD_LIFTED'")
                .query(String.class).single());
        assertThat(liftedEntry.get("via").asText()).isEqualTo("command line");
        assertThat(liftedEntry.get("osUser").asText()).isEqualTo(System.getProperty("user.name"));
        assertThat(liftNothing.code()).isEqualTo(2);
        assertThat(liftNothing.text()).isEqualTo("footage: no active hold on recording " + a4 + "\n");
        assertThat(both.code()).isEqualTo(2);
        assertThat(onHold()).containsExactlyInAnyOrder(id(a(3)), id(b1()));
        assertThat(count("HOLD_SET")).isEqualTo(3);
        assertThat(count("HOLD_LIFTED")).isEqualTo(1);
        Map<String, Object> lifted = jdbc.sql("SELECT set_by, reason, lifted_by, lift_reason, lifted_at FROM holds WHERE recording_id = ?")
                .param(id(a(4))).query().singleRow();
        assertThat(value(lifted, "lift_reason")).isEqualTo("checked");
        assertThat(value(lifted, "lifted_at")).isNotNull();
    }

    @Test
    void aDryRunListsWhatWouldMoveAndChangesNothing() throws IOException {
        // given a2 permanent, a3 and b1 held
        permanentA2HeldA3AndB1();
        long entries = jdbc.sql("SELECT COUNT(*) FROM ledger").query(Long.class).single();
        Map<String, String> archive = RetentionFootage.tree(properties.archive());
        long a1Size = size(a(1));
        long a4Size = size(a(4));

        // when
        Run dry = command("sweep", List.of(), Map.of("dry-run", "true"));

        // then only the expired, unheld STANDARD recordings a1 (with its duplicate) and a4 are listed
        assertThat(dry.code()).as(dry.text()).isZero();
        assertThat(dry.text()).contains(": 2 recording(s), ").contains("(" + (a1Size + a4Size) + " bytes) would move to " + expired);
        assertThat(dry.text().lines().filter(l -> l.startsWith("  ")).toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("  " + id(a(1)) + " ").endsWith(a(1)))
                .anySatisfy(l -> assertThat(l).startsWith("  " + id(a(4)) + " ").endsWith(a(4)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger").query(Long.class).single()).isEqualTo(entries);
        assertThat(RetentionFootage.tree(properties.archive())).isEqualTo(archive);
        assertThat(RetentionFootage.tree(expired)).isEmpty();
    }

    @Test
    void theSweepMovesExpiredUnheldStandardRecordingsToExpiredOnAnotherFilesystem() throws IOException {
        // given a2 permanent, a3 and b1 held
        permanentA2HeldA3AndB1();
        assertThat(OtherFilesystem.sameFilesystem(expired, properties.archive())).as("expired/ is on another filesystem").isFalse();
        Map<String, String> hashes = Map.of(a(1), sha(a(1)), a(4), sha(a(4)));
        io.micrometer.core.instrument.MeterRegistry meters = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        double movedBefore = meters.counter("footage.sweep.moved").count();
        double bytesBefore = meters.counter("footage.sweep.moved.bytes").count();
        long bytes = jdbc.sql("SELECT SUM(size_bytes) FROM recordings WHERE file_name IN (?, ?)").params(a(1), a(4)).query(Long.class).single();

        // when
        Run sweep = command("sweep", List.of(), Map.of());

        // then a1 and a4 are in expired/ only, with their bytes intact; a2 (permanent), a3 and b1 (held) stayed
        assertThat(sweep.code()).as(sweep.text()).isZero();
        assertThat(sweep.text()).contains(": 2 recording(s), ");
        // and counted for the README's footage_sweep_moved_total and footage_sweep_moved_bytes_total
        assertThat(meters.counter("footage.sweep.moved").count() - movedBefore).isEqualTo(2.0);
        assertThat(meters.counter("footage.sweep.moved.bytes").count() - bytesBefore).isEqualTo((double) bytes);
        for (String file : List.of(a(1), a(4))) {
            String path = archivePath(file);
            assertThat(path).startsWith("expired/sha256/");
            assertThat(RetentionFootage.tree(expired)).containsEntry(path.substring("expired/".length()), hashes.get(file));
            assertThat(properties.archive().resolve(path.substring("expired/".length()))).doesNotExist();
        }
        for (String file : List.of(a(2), a(3), b1())) {
            assertThat(properties.archive().resolve(archivePath(file))).exists();
        }
        // the duplicate link still names recording a1, which now says where its bytes are: nothing dangles
        Long linked = jdbc.sql("SELECT recording_id FROM dump_files WHERE status = 'DUPLICATE'").query(Long.class).single();
        assertThat(linked).isEqualTo(id(a(1)));
        JsonNode moved = JSON.readTree(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'RECORDING_MOVED_OUT' AND subject = ?")
                .param("recording:" + id(a(1))).query(String.class).single());
        assertThat(moved.get("archivePath").asText()).isEqualTo(archivePath(a(1)));
        assertThat(moved.get("status").asText()).isEqualTo("ARCHIVED");
        String reportLine = sweep.text().lines().filter(l -> l.startsWith("sweep: disposition report ")).findFirst().orElseThrow();
        Path report = Path.of(reportLine.substring("sweep: disposition report ".length()));
        List<String> csv = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(csv).hasSize(3);
        // the columns in the reports' language, zh-CN unless footage.report.locale says otherwise
        assertThat(csv.get(0)).startsWith("录像编号,SHA-256,字节数,文件名,原始路径,重复文件路径,");
        assertThat(csv.get(1)).startsWith(id(a(1)) + "," + sha(a(1)) + ",")
                .contains("," + RetentionFootage.FOLDER_B + "/again/" + a(1) + ",").contains(",2021-02-17,STANDARD,ARCHIVED,");
        assertThat(value(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'DISPOSITION_REPORTED' ORDER BY seq DESC LIMIT 1")
                .query().singleRow(), "payload").toString()).contains("\"recordings\":[" + id(a(1)) + "," + id(a(4)) + "]");
        assertVerifyFullIsClean();
    }

    @Test
    void derivativesGoWithTheirRecordingAndOnesMadeAfterTheMoveFollowIt() throws IOException {
        // given a first sweep (the derivatives table belongs to the transcode feature)
        Assumptions.assumeTrue(derivativesTable(), "no derivatives table in this catalog");
        permanentA2HeldA3AndB1();
        Run first = command("sweep", List.of(), Map.of());
        assertThat(first.code()).as(first.text()).isZero();
        List<Map<String, Object>> ofA1 = jdbc.sql("SELECT id, path, sha256 FROM derivatives WHERE recording_id = ? ORDER BY id")
                .param(id(a(1))).query().listOfRows();
        String ofB1 = jdbc.sql("SELECT path FROM derivatives WHERE recording_id = ?").param(id(b1())).query(String.class).single();
        String late = derivative(a(4), "proxy-720p");

        // when a transcode made one for a4 after the sweep moved a4, the next sweep takes it along
        Run sweep = command("sweep", List.of(), Map.of());

        // then a1's derivatives were moved with it (catalogued, ledgered, gone from proxies), b1's (held) stayed
        assertThat(sweep.code()).as(sweep.text()).isZero();
        assertThat(ofA1).hasSize(2).allSatisfy(d -> {
            String path = (String) value(d, "path");
            assertThat(path).startsWith("expired/proxies/");
            String original = path.substring("expired/proxies/".length());
            assertThat(properties.proxies().resolve(original)).doesNotExist();
            assertThat(RetentionFootage.tree(expired.resolve("proxies"))).containsEntry(original, (String) value(d, "sha256"));
            assertThat(ObjectLocations.resolveDerivative(properties, path)).exists();
        });
        assertThat(ofB1).doesNotStartWith("expired/");
        assertThat(properties.proxies().resolve(ofB1)).exists();
        String lateNow = jdbc.sql("SELECT path FROM derivatives WHERE path LIKE ?").param("%" + late).query(String.class).single();
        assertThat(lateNow).isEqualTo("expired/proxies/" + late);
        assertThat(properties.proxies().resolve(late)).doesNotExist();
        assertThat(count("DERIVATIVE_MOVED_OUT")).isEqualTo(3);
        assertVerifyFullIsClean();
    }

    @Test
    void aSecondSweepMovesNothing() throws IOException {
        // given a first sweep
        permanentA2HeldA3AndB1();
        Run first = command("sweep", List.of(), Map.of());
        assertThat(first.code()).as(first.text()).isZero();
        Map<String, String> archiveBefore = RetentionFootage.tree(properties.archive().resolve("sha256"));
        Map<String, String> expiredBefore = RetentionFootage.tree(expired.resolve("sha256"));

        // when
        Run again = command("sweep", List.of(), Map.of());

        // then
        assertThat(again.code()).as(again.text()).isZero();
        assertThat(again.text()).contains(": 0 recording(s), 0 B moved");
        assertThat(RetentionFootage.tree(properties.archive().resolve("sha256"))).isEqualTo(archiveBefore);
        assertThat(RetentionFootage.tree(expired.resolve("sha256"))).isEqualTo(expiredBefore);
        assertVerifyFullIsClean();
    }

    @Test
    void fixityExportCatalogListAndReportFindMovedRecordingsWhereTheyAre() throws IOException {
        // given a sweep that moved a1 and a4, a2 permanent, a3 held
        permanentA2HeldA3AndB1();
        Run sweep = command("sweep", List.of(), Map.of());
        assertThat(sweep.code()).as(sweep.text()).isZero();

        // when
        Run fixity = command("fixity", List.of(), Map.of());
        Run export = command("export", List.of(), Map.of("device", RetentionFootage.DEVICE_A, "from", "2019-02-17T09:00:00+08:00",
                "to", "2019-02-17T10:00:00+08:00", "out", tmp.resolve("bag").toString()));
        Run list = command("catalog list", List.of(), Map.of());
        String csv = new String(renderer.render(reports.build(new ReportFilter(RetentionFootage.DEVICE_A, null, null)),
                ReportFormat.CSV, java.util.Locale.ENGLISH), StandardCharsets.UTF_8);
        String html = new String(renderer.render(reports.build(new ReportFilter(RetentionFootage.DEVICE_A, null, null)),
                ReportFormat.HTML, java.util.Locale.ENGLISH), StandardCharsets.UTF_8);

        // then
        assertThat(fixity.code()).as(fixity.text()).isZero();
        assertThat(export.code()).as(export.text()).isZero();
        assertThat(tmp.resolve("bag/data/" + RetentionFootage.FOLDER_A + "/" + a(1))).exists();
        assertThat(list.text().lines().filter(l -> l.contains(a(1))).findFirst().orElseThrow())
                .contains(" expired ").contains(" STANDARD ").contains(" 2021-02-17 ");
        assertThat(list.text().lines().filter(l -> l.contains(a(2))).findFirst().orElseThrow())
                .contains(" archive ").contains(" PERMANENT ").contains(" PENALTY_EVIDENCE ");
        assertThat(list.text().lines().filter(l -> l.contains(a(3))).findFirst().orElseThrow()).contains(" yes ");
        assertThat(csv).contains(",PERMANENT,PENALTY_EVIDENCE,no,,VIDEO\r\n").contains(",STANDARD,,yes,2021-02-17,VIDEO\r\n");
        assertThat(html).contains("<table class=\"recordings\"").contains("PENALTY_EVIDENCE").contains("on hold, until 2021-02-17")
                .contains("until 2021-02-17, moved out to expired/");
        assertVerifyFullIsClean();
    }

    boolean derivativesTable() {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'derivatives'")
                .query(Long.class).single() > 0;
    }

    /** A made derivative of the recording, as the transcode feature leaves it: a row and a file below proxies/. */
    String derivative(String fileName, String profile) throws IOException {
        byte[] bytes = (profile + " of " + fileName).getBytes(StandardCharsets.UTF_8);
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String path = profile + "/" + sha.substring(0, 2) + "/" + sha + ".mp4";
        Path file = properties.proxies().resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        jdbc.sql("INSERT INTO derivatives (recording_id, profile, profile_sha256, status, method, path, sha256, size_bytes, "
                        + "created_at) VALUES (?, ?, ?, 'MADE', 'ENCODE', ?, ?, ?, ?)")
                .params(id(fileName), profile, "0".repeat(64), path, sha, (long) bytes.length,
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .update();
        return path;
    }

    /** What the office did before a sweep: a2 flagged penalty evidence, a hold on a3 and one on case CASE-7 (b1). */
    private void permanentA2HeldA3AndB1() throws IOException {
        Path flagged = activities("ACT-P", "CASE-P", "2019-02-17T09:28:29+08:00", "2019-02-17T09:28:31+08:00",
                RetentionFootage.DEVICE_A, "[\"PENALTY_EVIDENCE\"]");
        Path caseActivity = activities("ACT-7", "CASE-7", "2019-02-17T09:59:00+08:00", "2019-02-17T10:01:00+08:00",
                RetentionFootage.DEVICE_B, "[]");
        for (Run r : List.of(command("activities import", List.of(flagged.toString()), Map.of()),
                command("activities import", List.of(caseActivity.toString()), Map.of()),
                command("hold set", List.of(), Map.of("case", "CASE-7", "reason", "court request", "by", "王五")),
                command("hold set", List.of(), Map.of("recording", Long.toString(id(a(3))), "reason", "complaint", "by", "王五")))) {
            assertThat(r.code()).as(r.text()).isZero();
        }
        assertThat(retention(a(2))).startsWith("PERMANENT PENALTY_EVIDENCE");
        assertThat(onHold()).containsExactlyInAnyOrder(id(a(3)), id(b1()));
    }

    private void assertVerifyFullIsClean() {
        Run verify = command("verify", List.of(), Map.of("full", "true"));
        assertThat(verify.code()).as(verify.text()).isZero();
    }

    private Path activities(String id, String caseNumber, String start, String end, String device, String permanent) throws IOException {
        Path file = Files.createTempFile(tmp, "activities-", ".json");
        Files.writeString(file, "[{\"id\": \"" + id + "\", \"caseNumber\": \"" + caseNumber + "\", \"start\": \"" + start
                + "\", \"end\": \"" + end + "\", \"devices\": [\"" + device + "\"], \"permanent\": " + permanent + "}]");
        return file;
    }

    Run command(String name, List<String> arguments, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = TestCommands.run(context, name, arguments, options, print, print);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    /** A console user as the console would have made it, with {@link #ADMIN_PASSWORD}. */
    private void consoleUser(String name, boolean enabled, String role) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO console_users (username, password_hash, enabled, created_at, created_by, password_changed_at) "
                + "VALUES (?, ?, ?, ?, 'test', ?)").params(name, new BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD), enabled,
                now, now).update();
        jdbc.sql("INSERT INTO console_user_roles (username, role) VALUES (?, ?)").params(name, role).update();
    }

    /** What a command reads from standard input while {@code run} runs it. */
    private static Run withStandardInput(String text, Supplier<Run> run) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(before);
        }
    }

    private long id(String fileName) {
        return jdbc.sql("SELECT id FROM recordings WHERE file_name = ?").param(fileName).query(Long.class).single();
    }

    private long size(String fileName) {
        return jdbc.sql("SELECT size_bytes FROM recordings WHERE file_name = ?").param(fileName).query(Long.class).single();
    }

    private String sha(String fileName) {
        return jdbc.sql("SELECT sha256 FROM recordings WHERE file_name = ?").param(fileName).query(String.class).single();
    }

    private String archivePath(String fileName) {
        return jdbc.sql("SELECT archive_path FROM recordings WHERE file_name = ?").param(fileName).query(String.class).single();
    }

    private String retention(String fileName) {
        Map<String, Object> r = jdbc.sql("SELECT retention_class, retention_category, retain_until FROM recordings WHERE file_name = ?")
                .param(fileName).query().singleRow();
        Object until = value(r, "retain_until");
        return value(r, "retention_class") + " " + value(r, "retention_category") + " " + (until == null ? null : LocalDate.parse(until.toString()));
    }

    private List<Long> onHold() {
        return jdbc.sql("SELECT id FROM recordings WHERE on_hold = TRUE").query(Long.class).list();
    }

    private long count(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = ?").param(type).query(Long.class).single();
    }

    static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + row.keySet());
    }
}
