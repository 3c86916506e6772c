package footage.jobs.integrity;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import tools.jackson.databind.ObjectMapper;
import footage.jobs.FootageProperties;
import footage.jobs.cli.TestCommands;
import footage.jobs.fixity.ArchivedObject;
import footage.jobs.runs.JobRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify, the fixity audit and the evidence export on real footage ingested by the real ingest job; run once per
 * catalog database (H2, PostgreSQL). Each tamper test breaks one thing, expects {@code verify} to exit 1 naming it
 * first, puts it back and expects a clean verify again, so the tests share one ingested archive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractIntegrityTests {

    static final String ORGANIZATION = "某市民政局 (civil affairs bureau)";
    static final ObjectMapper JSON = Json.MAPPER;

    @Autowired
    JobRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FootageProperties properties;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path tmp;

    record Run(int code, List<String> lines) {
        String first() {
            return lines.isEmpty() ? "" : lines.get(0);
        }

        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    @BeforeAll
    void ingestTheEvidence() {
        Evidence.writeDumps(properties.drop());
        JobExecution execution = runs.run("ingestJob");
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single()).isEqualTo(4L);
    }

    Run command(String name, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TestCommands.run(context, name, List.of(), options,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    Run verify(boolean full) {
        return command("verify", full ? Map.of("full", "true") : Map.of());
    }

    ArchivedObject object(int index) {
        return jdbc.sql("SELECT id, sha256, size_bytes, archive_path, original_path FROM recordings ORDER BY id")
                .query((rs, n) -> new ArchivedObject(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).list().get(index);
    }

    Path file(ArchivedObject o) {
        return properties.archive().resolve(o.archivePath());
    }

    void assertClean() {
        Run clean = verify(true);
        assertThat(clean.code()).as(String.join("\n", clean.lines())).isZero();
        assertThat(clean.last()).startsWith("verify: OK: ledger ");
    }

    @Test
    void aCleanArchiveVerifiesWithExitCode0() {
        // when
        Run quick = verify(false);
        Run full = verify(true);

        // then
        assertThat(quick.code()).as(String.join("\n", quick.lines())).isZero();
        assertThat(quick.lines()).hasSize(1);
        assertThat(full.code()).as(String.join("\n", full.lines())).isZero();
        assertThat(full.last()).contains("4 recording(s)").contains("4 archive object(s)");
    }

    @Test
    void aFlippedByteInAnArchiveObjectIsNamedByItsSha256AndOriginalName() {
        // given
        assertClean();
        ArchivedObject o = object(1);

        // when
        Evidence.flipMiddleByte(file(o));
        Run run;
        Run quick;
        try {
            run = verify(true);
            quick = verify(false);
        } finally {
            Evidence.flipMiddleByte(file(o));
        }

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.first()).startsWith("verify: archive object " + o.sha256() + " (" + o.originalPath() + "): changed");
        assertThat(run.lines()).hasSize(2);
        assertThat(quick.code()).as("the catalog still agrees with the ledger; only re-hashing sees the change").isZero();
        assertClean();
    }

    @Test
    void aDeletedArchiveObjectIsNamedAsMissing() throws IOException {
        // given
        assertClean();
        ArchivedObject o = object(2);
        Path aside = tmp.resolve("aside");

        // when
        Files.move(file(o), aside);
        Run run;
        try {
            run = verify(true);
        } finally {
            Files.move(aside, file(o));
        }

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.first()).isEqualTo("verify: archive object " + o.sha256() + " (" + o.originalPath()
                + "): missing: no file at " + o.archivePath());
        assertClean();
    }

    @Test
    void anUnknownFileInTheArchiveIsNamed() throws IOException {
        // given
        assertClean();
        Path stray = properties.archive().resolve("sha256/00/00/" + "0".repeat(64) + ".mp4");
        Files.createDirectories(stray.getParent());
        Path inTmp = properties.archive().resolve("tmp/in-flight-copy");

        // when
        Files.writeString(stray, "not catalogued");
        Files.writeString(inTmp, "a copy in progress is not an archive object");
        Run run;
        try {
            run = verify(true);
        } finally {
            Files.delete(stray);
            Files.delete(inTmp);
        }

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.first()).isEqualTo("verify: unknown file in the archive: sha256/00/00/" + "0".repeat(64)
                + ".mp4 (14 bytes): no recording names it");
        assertThat(run.lines()).hasSize(2);
        assertClean();
    }

    Stream<Arguments> catalogEdits() {
        return Stream.of(
                Arguments.of("recordings", "size_bytes"),
                Arguments.of("dump_files", "status"),
                Arguments.of("findings", "kind"),
                Arguments.of("dumps", "folder"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("catalogEdits")
    void anEditedCatalogRowIsNamed(String table, String column) {
        // given a row of the table, the ledger entry that recorded it, and a different value
        assertClean();
        String where = switch (table) {
            case "dump_files" -> "status = 'ARCHIVED'";
            case "findings" -> "kind = 'UNLISTED_FILE'";
            default -> "1 = 1";
        };
        Map<String, Object> row = jdbc.sql("SELECT * FROM " + table + " WHERE " + where + " ORDER BY id LIMIT 1")
                .query().singleRow();
        Map<String, Object> lower = new HashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
        Object id = lower.get("id");
        Object original = lower.get(column);
        Object edited = switch (column) {
            case "size_bytes" -> ((Number) original).longValue() + 1;
            case "status" -> "QUARANTINED";
            case "kind" -> "GAP";
            default -> original + "-renamed";
        };
        String label = switch (table) {
            case "recordings" -> "recording " + id + " (";
            case "dump_files" -> "dump file " + id + " (";
            case "findings" -> "finding " + id + " (";
            default -> "dump " + id + " (";
        };

        // when
        jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE id = ?").params(edited, id).update();
        Run run;
        try {
            run = verify(false);
        } finally {
            jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE id = ?").params(original, id).update();
        }

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.first()).startsWith("verify: " + label).contains(column + " is " + edited + " in the catalog but ledger seq ");
        assertClean();
    }

    @Test
    void theFixityAuditRehashesEveryObjectRecordsEachInTheLedgerAndWritesAReport() throws IOException {
        // given
        long before = count("FIXITY_CHECKED");

        // when
        Run run = command("fixity", Map.of());

        // then
        assertThat(run.code()).as(String.join("\n", run.lines())).isZero();
        assertThat(count("FIXITY_CHECKED") - before).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings WHERE fixity_status = 'OK' AND last_checked_at IS NOT NULL")
                .query(Long.class).single()).isEqualTo(4L);
        String reportLine = run.lines().stream().filter(l -> l.startsWith("fixity: report ")).findFirst().orElseThrow();
        String report = Files.readString(Path.of(reportLine.substring("fixity: report ".length())));
        assertThat(report).contains("re-hashed by this audit: 4 (4 OK, 0 FAILED)").contains("ledger head: ");
        assertThat(Path.of(reportLine.substring("fixity: report ".length())).getParent()).isEqualTo(properties.reports());
        assertClean();
    }

    @Test
    void theFixityAuditRecordsAChangedObjectAsFailedWithExpectedAndActualHash() throws IOException {
        // given
        ArchivedObject o = object(0);
        Evidence.flipMiddleByte(file(o));
        String actual = Evidence.sha256(file(o));

        // when
        Run run;
        try {
            run = command("fixity", Map.of());
        } finally {
            Evidence.flipMiddleByte(file(o));
        }

        // then
        assertThat(run.code()).isEqualTo(1);
        JsonNode failed = JSON.readTree(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'FIXITY_FAILED' "
                + "AND subject = ? ORDER BY seq DESC LIMIT 1").param("recording:" + o.recordingId()).query(String.class).single());
        assertThat(failed.get("expectedSha256").asText()).isEqualTo(o.sha256());
        assertThat(failed.get("actualSha256").asText()).isEqualTo(actual);
        String reportLine = run.lines().stream().filter(l -> l.startsWith("fixity: report ")).findFirst().orElseThrow();
        assertThat(Files.readString(Path.of(reportLine.substring("fixity: report ".length()))))
                .contains("FAILED " + o.sha256() + " " + o.originalPath());
        assertThat(verify(false).code()).as("the failure is recorded consistently in catalog and ledger").isZero();
        command("fixity", Map.of());
        assertClean();
    }

    @Test
    void anExportedBagValidatesIndependentlyAndFailsOnceOnePayloadByteChanges() throws IOException {
        // given
        Map<String, String> archiveBefore = Evidence.tree(properties.archive());
        Path bag = tmp.resolve("bag");

        // when
        Run run = command("export", Map.of("device", Evidence.DEVICE_A, "from", "2019-02-17T09:00:00+08:00",
                "to", "2019-02-17T10:00", "out", bag.toString()));

        // then the bag is valid, holds the originals under their dump paths, and is registered in the ledger
        assertThat(run.code()).as(String.join("\n", run.lines())).isZero();
        assertThat(IndependentBagValidator.validate(bag)).isEmpty();
        List<Map<String, Object>> originals = jdbc.sql("SELECT id, sha256, original_path FROM recordings WHERE device_id = ?")
                .param(Evidence.DEVICE_A).query().listOfRows();
        assertThat(originals).hasSize(3);
        for (Map<String, Object> r : originals) {
            Path payload = bag.resolve("data").resolve((String) value(r, "original_path"));
            assertThat(Evidence.sha256(payload)).isEqualTo(value(r, "sha256"));
        }
        assertThat(bag.resolve("data").resolve(Evidence.FOLDER_A).resolve(Evidence.name(Evidence.DEVICE_A, "093000", 1))).exists();
        Map<String, String> info = IndependentBagValidator.bagInfo(bag.resolve("bag-info.txt"));
        assertThat(info).containsEntry("Source-Organization", ORGANIZATION)
                .containsKeys("Bagging-Date", "Payload-Oxum", "External-Identifier");
        assertThat(info.get("External-Identifier")).startsWith("device " + Evidence.DEVICE_A + " 2019-02-17T09:00+08:00/");
        JsonNode gapReport = JSON.readTree(bag.resolve("gap-report.json").toFile());
        assertThat(gapReport.get("schema").asText()).isEqualTo("footage-gap-report/1");
        assertThat(gapReport.get("devices")).hasSize(1);
        assertLedgerExtractRecomputes(bag, originals);
        JsonNode exported = JSON.readTree(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'EXPORTED' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single());
        assertThat(exported.get("tagmanifestSha256").asText()).isEqualTo(Evidence.sha256(bag.resolve("tagmanifest-sha256.txt")));
        assertThat(Evidence.tree(properties.archive())).isEqualTo(archiveBefore);

        // and when one payload byte changes, the independent validator rejects the bag
        Path first = bag.resolve("data").resolve((String) value(originals.get(0), "original_path"));
        Evidence.flipMiddleByte(first);
        assertThat(IndependentBagValidator.validate(bag)).singleElement().asString()
                .startsWith("sha256sum -c manifest-sha256.txt failed: ")
                .contains(bag.relativize(first).toString() + ": FAILED");
        assertClean();
    }

    private void assertLedgerExtractRecomputes(Path bag, List<Map<String, Object>> originals) throws IOException {
        List<String> lines = Files.readAllLines(bag.resolve("ledger-extract.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        List<String> subjects = new java.util.ArrayList<>();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            String canonical = entry.get("canonical").asText();
            // recomputed from the documented rule only: SHA-256 over prevHash, a line feed and the canonical form
            assertThat(Evidence.sha256((entry.get("prevHash").asText() + "\n" + canonical).getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(entry.get("hash").asText());
            JsonNode parsed = JSON.readTree(canonical);
            assertThat(parsed.get("seq").asLong()).isEqualTo(entry.get("seq").asLong());
            subjects.add(parsed.get("type").asText() + " " + parsed.get("subject").asText());
        }
        for (Map<String, Object> r : originals) {
            assertThat(subjects).contains("RECORDING_ARCHIVED recording:" + value(r, "id"));
        }
        assertThat(subjects).anyMatch(s -> s.startsWith("DUMP_REGISTERED dump:"))
                .anyMatch(s -> s.startsWith("FILE_ARCHIVED dump-file:"))
                .anyMatch(s -> s.startsWith("DUPLICATE_LINKED dump-file:"));
    }

    @Test
    void anExportRefusesANonEmptyFolderAndACaseWithoutActivities() throws IOException {
        // given
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "someone's file");

        // when
        Run nonEmpty = command("export", Map.of("device", Evidence.DEVICE_A, "from", "2019-02-17", "to", "2019-02-17",
                "out", used.toString()));
        Run noCase = command("export", Map.of("case", "NO-SUCH-CASE", "out", tmp.resolve("case").toString()));

        // then
        assertThat(nonEmpty.code()).isEqualTo(2);
        assertThat(nonEmpty.first()).contains("is not empty");
        assertThat(Files.readString(used.resolve("keep.txt"))).isEqualTo("someone's file");
        assertThat(noCase.code()).isEqualTo(2);
        assertThat(noCase.first()).isEqualTo("footage: nothing to export: no enforcement activity has case number NO-SUCH-CASE "
                + "(activities are imported with 'footage activities import FILE')");
        assertThat(tmp.resolve("case")).doesNotExist();
    }

    @Test
    void anExportOfACaseTakesTheRecordingsOverlappingItsActivityWindows() throws IOException {
        // given an activity of device A from 09:28:00 to 09:28:30 (reference time): the device clock is 95 s fast,
        // so its recordings named 09:30:00 and 09:30:01 start at 09:28:25 and 09:28:26, the one named 09:30:10 after
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params("ACT-" + System.nanoTime(), "CASE-2019-007", OffsetDateTime.parse("2019-02-17T09:28:00+08:00"),
                        OffsetDateTime.parse("2019-02-17T09:28:30+08:00"), Evidence.DEVICE_A, "", OffsetDateTime.now())
                .update();
        Path bag = tmp.resolve("case-bag");

        // when
        Run run = command("export", Map.of("case", "CASE-2019-007", "out", bag.toString()));

        // then
        assertThat(run.code()).as(String.join("\n", run.lines())).isZero();
        assertThat(IndependentBagValidator.validate(bag)).isEmpty();
        assertThat(Evidence.tree(bag.resolve("data")).keySet()).containsExactly(
                Evidence.FOLDER_A + "/" + Evidence.name(Evidence.DEVICE_A, "093000", 1),
                Evidence.FOLDER_A + "/" + Evidence.name(Evidence.DEVICE_A, "093001", 2));
        assertThat(IndependentBagValidator.bagInfo(bag.resolve("bag-info.txt"))).containsEntry("External-Identifier", "case CASE-2019-007");
        assertClean();
    }

    long count(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = ?").param(type).query(Long.class).single();
    }

    static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).map(Map.Entry::getValue)
                .findFirst().orElseThrow();
    }
}
