package footage.jobs.retention;

import footage.jobs.FootageProperties;
import footage.jobs.cli.Cli;
import footage.jobs.runs.JobRuns;
import footage.pipeline.archive.ContentArchive;
import footage.pipeline.archive.DurableFiles;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep's rule as a property over random catalogs: rows written straight into the catalog (random class,
 * category, status, recording time, stored retain-until, holds on recordings and on cases, some lifted) with small
 * real files, then a sweep, several rounds on one growing catalog. No PERMANENT or held recording ever moves; every
 * expired, unheld STANDARD one does; each object is in exactly one place. The oracle below is written from docs/formats.md §12,
 * independently of the implementation. Seed: {@code -Dfootage.test.seed=N} (printed with every failure).
 */
@SpringBootTest
// its configuration is its own: the context is closed after the class, so its connections go back at once
@DirtiesContext
class SweepPropertyTests {

    static final long SEED = Long.getLong("footage.test.seed", 20261126L);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] DEVICES = {"DEV-1", "DEV-2", "DEV-3"};
    static final String[] CATEGORIES = {"PENALTY_EVIDENCE", "OBSTRUCTION", "MAJOR_INCIDENT", "COMPLEX_CASE"};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobRuns runs;
    @Autowired
    FootageProperties properties;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("footage-sweep-property-").toString();
        registry.add("footage.home", () -> home);
    }

    /** What the test put into the catalog, and so what the oracle knows. */
    static final class Row {
        long id;
        String sha256;
        String archivePath;
        String retentionClass;
        LocalDate retainUntil;
        OffsetDateTime start;
        Double seconds;
        String device;
        boolean recordingHold;
        boolean movedBefore;
    }

    record CaseHold(long holdId, String device, OffsetDateTime from, OffsetDateTime to, boolean[] active) {
        boolean covers(Row r) {
            return active[0] && r.start != null && r.device.equals(device) && !r.start.isAfter(to)
                    && !(r.seconds == null ? r.start : r.start.plusNanos(Math.round(r.seconds * 1e9))).isBefore(from);
        }
    }

    @Test
    void noPermanentOrHeldRecordingEverMovesAndEveryExpiredUnheldStandardOneDoes() {
        // given one catalog that grows by a random batch each round
        Random random = new Random(SEED);
        LocalDate today = LocalDate.now(ZONE);
        long dump = dump();
        List<Row> rows = new ArrayList<>();
        List<CaseHold> caseHolds = new ArrayList<>();
        int moved = 0;
        int kept = 0;
        for (int round = 1; round <= 4; round++) {
            String where = "seed " + SEED + " (-Dfootage.test.seed=" + SEED + "), round " + round;
            for (int i = 0; i < 25; i++) {
                rows.add(randomRow(random, dump, today));
            }
            for (int i = 0; i < 2; i++) {
                caseHolds.add(randomCaseHold(random, rows, round * 10 + i));
            }
            liftSome(random, rows, caseHolds);

            // when
            assertThat(runs.run("retentionSweepJob").getStatus()).as(where).isEqualTo(BatchStatus.COMPLETED);

            // then
            for (Row r : rows) {
                boolean held = r.recordingHold || caseHolds.stream().anyMatch(h -> h.covers(r));
                // a recording moved in an earlier round stays in expired/, whatever holds came since
                boolean expected = r.movedBefore || "STANDARD".equals(r.retentionClass) && !held && effectiveUntil(r).isBefore(today);
                String path = jdbc.sql("SELECT archive_path FROM recordings WHERE id = ?").param(r.id).query(String.class).single();
                boolean actual = path.startsWith("expired/");
                assertThat(actual).as(where + ": recording " + r.id + " (" + r.retentionClass + ", held " + held
                        + ", retain until " + r.retainUntil + ", start " + r.start + ", effective " + effectiveUntil(r)
                        + ") moved").isEqualTo(expected);
                Path inArchive = properties.archive().resolve(r.archivePath);
                Path inExpired = properties.expired().resolve(r.archivePath);
                assertThat(Files.exists(actual ? inExpired : inArchive)).as(where + ": recording " + r.id + " where the catalog says").isTrue();
                assertThat(Files.exists(actual ? inArchive : inExpired)).as(where + ": recording " + r.id + " in one place only").isFalse();
                r.movedBefore = actual;
            }
            moved = (int) rows.stream().filter(r -> isMoved(r.id)).count();
            kept = rows.size() - moved;
        }
        assertThat(moved).as("seed " + SEED + ": the random catalogs moved some").isPositive();
        assertThat(kept).as("seed " + SEED + ": and kept some").isPositive();
    }

    @Test
    void anArchiveObjectThatNoLongerMatchesItsHashIsNotMovedAndTheSweepSaysSo() {
        // given an expired STANDARD recording whose archive bytes are not the catalogued ones any more
        Random random = new Random(~SEED);
        Row r = randomRow(random, dump(), LocalDate.now(ZONE));
        jdbc.sql("UPDATE recordings SET retention_class = 'STANDARD', retain_until = ?, corrected_start = ?, on_hold = FALSE WHERE id = ?")
                .params(LocalDate.of(2020, 1, 1), OffsetDateTime.parse("2018-01-01T00:00:00Z"), r.id).update();
        jdbc.sql("UPDATE holds SET lifted_at = ? WHERE recording_id = ?").params(OffsetDateTime.now(ZoneOffset.UTC), r.id).update();
        write(r.archivePath, "not what was archived".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);

        // when
        int code = Cli.run(context, print, print, "sweep");

        // then
        assertThat(code).as(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("1 recording(s) NOT moved");
        assertThat(isMoved(r.id)).isFalse();
        assertThat(properties.archive().resolve(r.archivePath)).exists();
        assertThat(properties.expired().resolve(r.archivePath)).doesNotExist();
        assertThat(RetentionFootage.tree(properties.expired()).keySet()).as("no copy of the changed bytes anywhere in expired/")
                .noneMatch(p -> p.contains(r.sha256.substring(0, 16)) || p.contains("tmp"));
    }

    private boolean isMoved(long id) {
        return jdbc.sql("SELECT archive_path FROM recordings WHERE id = ?").param(id).query(String.class).single().startsWith("expired/");
    }

    /** docs/formats.md §12: the later of the stored date and recording date + 2 years (the default period). */
    private static LocalDate effectiveUntil(Row r) {
        LocalDate recorded = r.start != null ? r.start.atZoneSameInstant(ZONE).toLocalDate() : LocalDate.now(ZONE);
        LocalDate byPeriod = recorded.plusYears(2);
        return r.retainUntil == null || byPeriod.isAfter(r.retainUntil) ? byPeriod : r.retainUntil;
    }

    private Row randomRow(Random random, long dump, LocalDate today) {
        Row r = new Row();
        byte[] content = new byte[32 + random.nextInt(64)];
        random.nextBytes(content);
        try {
            r.sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        r.archivePath = ContentArchive.relativePath(r.sha256, "mp4");
        LocalDate recorded = switch (random.nextInt(10)) {
            case 0 -> null;                                   // clock never placed
            case 1 -> today.minusYears(2);                    // retained until today: not yet expired
            case 2 -> today.minusYears(2).minusDays(1);       // retained until yesterday: expired
            default -> today.minusDays(random.nextInt(2000));
        };
        r.start = recorded == null ? null : recorded.atTime(LocalTime.of(random.nextInt(24), random.nextInt(60)))
                .atZone(ZONE).toOffsetDateTime();
        r.seconds = random.nextInt(5) == 0 ? null : 1.0 + random.nextInt(600);
        r.retainUntil = random.nextInt(3) == 0 || recorded == null ? null : recorded.plusYears(2).plusDays(random.nextInt(801) - 400);
        boolean permanent = random.nextInt(4) == 0;
        r.retentionClass = permanent ? "PERMANENT" : "STANDARD";
        r.device = DEVICES[random.nextInt(DEVICES.length)];
        String status = random.nextInt(7) == 0 ? "DAMAGED" : "ARCHIVED";
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO recordings (sha256, size_bytes, archive_path, original_path, file_name, dump_id, device_id, "
                        + "officer_id, corrected_start, duration_seconds, important, status, retention_class, retention_category, "
                        + "retain_until, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OFF-1', ?, ?, FALSE, ?, ?, ?, ?, ?)")
                .params(r.sha256, content.length, r.archivePath, "dump/" + r.sha256 + ".mp4", r.sha256 + ".mp4", dump, r.device,
                        r.start == null ? null : r.start.withOffsetSameInstant(ZoneOffset.UTC), r.seconds, status,
                        r.retentionClass, permanent ? CATEGORIES[random.nextInt(CATEGORIES.length)] : null, r.retainUntil,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        r.id = key.getKey().longValue();
        if (random.nextInt(7) == 0) {
            r.recordingHold = true;
            hold(null, r.id, random.nextBoolean());
        } else if (random.nextInt(15) == 0) {
            lifted(hold(null, r.id, false));   // a lifted hold protects nothing
        }
        write(r.archivePath, content);
        return r;
    }

    /** A case whose activity covers a random placed recording's device around its time; most holds stay active. */
    private CaseHold randomCaseHold(Random random, List<Row> rows, int n) {
        List<Row> placed = rows.stream().filter(r -> r.start != null).toList();
        Row around = placed.get(random.nextInt(placed.size()));
        OffsetDateTime from = around.start.minusMinutes(random.nextInt(30));
        OffsetDateTime to = around.start.plusMinutes(random.nextInt(30));
        String caseNumber = "CASE-" + SEED + "-" + n;
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, permanent_categories, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, '', '', ?)")
                .params("ACT-" + caseNumber, caseNumber, from.withOffsetSameInstant(ZoneOffset.UTC), to.withOffsetSameInstant(ZoneOffset.UTC),
                        around.device, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        long hold = hold(caseNumber, null, false);
        CaseHold h = new CaseHold(hold, around.device, from, to, new boolean[] {true});
        if (random.nextInt(4) == 0) {
            lifted(hold);
            h.active()[0] = false;
        }
        return h;
    }

    /** Between rounds, some holds are lifted: what they held may move in the next round, when expired. */
    private void liftSome(Random random, List<Row> rows, List<CaseHold> caseHolds) {
        for (Row r : rows) {
            if (r.recordingHold && random.nextInt(5) == 0) {
                jdbc.sql("UPDATE holds SET lifted_at = ?, lifted_by = 'test', lift_reason = 'round' WHERE recording_id = ? AND lifted_at IS NULL")
                        .params(OffsetDateTime.now(ZoneOffset.UTC), r.id).update();
                jdbc.sql("UPDATE recordings SET on_hold = FALSE WHERE id = ?").param(r.id).update();
                r.recordingHold = false;
            }
        }
        for (CaseHold h : caseHolds) {
            if (h.active()[0] && random.nextInt(5) == 0) {
                lifted(h.holdId());
                h.active()[0] = false;
            }
        }
    }

    /** Writes the hold row directly; {@code marked} also sets on_hold, else only the holds table says so. */
    private long hold(String caseNumber, Long recordingId, boolean marked) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO holds (case_number, recording_id, reason, set_by, set_at) VALUES (?, ?, 'test', 'test', ?)")
                .params(caseNumber, recordingId, OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        if (marked && recordingId != null) {
            jdbc.sql("UPDATE recordings SET on_hold = TRUE WHERE id = ?").param(recordingId).update();
        }
        return key.getKey().longValue();
    }

    private void lifted(long holdId) {
        jdbc.sql("UPDATE holds SET lifted_at = ?, lifted_by = 'test', lift_reason = 'test' WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC), holdId).update();
    }

    private long dump() {
        KeyHolder key = new GeneratedKeyHolder();
        String unique = java.util.UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO dumps (folder, fingerprint, has_manifest, status, registered_at) VALUES (?, ?, FALSE, 'DONE', ?)")
                .params("random-" + unique, unique, OffsetDateTime.now(ZoneOffset.UTC)).update(key, "id");
        return key.getKey().longValue();
    }

    private void write(String archivePath, byte[] content) {
        try {
            Path file = properties.archive().resolve(archivePath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            assertThat(DurableFiles.sha256(file)).isNotEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
