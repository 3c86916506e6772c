package footage.jobs.continuity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docking's analysis reads the window its dumps span plus what the rules need at its edges, and answers only for
 * findings inside that window (issue 21, BENCHMARKS.md §12): a gap reaching into the window from a recording of an
 * earlier dock is found, a gap the new dock fills is superseded, and findings outside the window are kept as they are.
 * Catalog rows written straight into the tables (H2), device clocks exact (offset 0), device zone Asia/Shanghai.
 */
@SpringBootTest
class ContinuityWindowTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("footage-continuity-window-").toString();
        registry.add("footage.home", () -> home);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContinuityService continuity;
    @Autowired
    ContinuityMarks marks;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aGapFromARecordingOfAnEarlierDockIntoTheWindowIsFound() {
        // given a recording docked in the morning, analysed, and a second dock with the next recording 10 min later
        String device = device();
        long morning = dump(device, "2024-03-01T12:00:00");
        String first = recording(morning, device, 1, "2024-03-01T08:00:00", 600);
        analyzeMarked(device, morning);
        long evening = dump(device, "2024-03-01T20:00:00");
        String second = recording(evening, device, 2, "2024-03-01T08:20:00", 600);

        // when only the evening dock is analysed: its window starts at 08:20, the gap starts at 08:10
        ContinuityService.Outcome outcome = analyzeMarked(device, evening);

        // then the gap straddling the window's start is raised, once, between the two
        assertThat(outcome.raised()).isEqualTo(1);
        assertThat(open(device)).singleElement().satisfies(f -> {
            assertThat(f.get("kind")).isEqualTo("GAP");
            assertThat((String) f.get("recordings")).isEqualTo("[\"" + first + "\",\"" + second + "\"]");
            assertThat(((OffsetDateTime) f.get("start_at")).toInstant()).isEqualTo(cst("2024-03-01T08:10:00").toInstant());
        });
    }

    @Test
    void aGapTheNewDockFillsIsSupersededAndFindingsOutsideTheWindowAreKept() {
        // given a day with a 20 min gap, found, a finding from days before that no analysis produces any more, and one
        // inside the coming window that is stale too
        String device = device();
        long earlier = dump(device, "2024-03-01T20:00:00");
        recording(earlier, device, 1, "2024-03-01T08:00:00", 600);
        recording(earlier, device, 3, "2024-03-01T08:30:00", 600);
        analyzeMarked(device, earlier);
        assertThat(open(device)).extracting(f -> f.get("kind")).containsExactly("GAP");
        String gap = (String) open(device).get(0).get("id");
        finding("OLD" + device, device, "2024-02-20T08:00:00", "2024-02-20T08:05:00");
        finding("STALE" + device, device, "2024-03-01T08:12:00", "2024-03-01T08:14:00");

        // when a late dock brings the recording that filled the gap
        long late = dump(device, "2024-03-01T22:00:00");
        recording(late, device, 2, "2024-03-01T08:10:00", 1200);
        ContinuityService.Outcome outcome = analyzeMarked(device, late);

        // then the gap and the stale finding inside the window are superseded, the one outside is kept, and the mark
        // of the late dock is cleared
        assertThat(outcome.superseded()).isEqualTo(2);
        assertThat(superseded(gap)).isTrue();
        assertThat(superseded("STALE" + device)).isTrue();
        assertThat(superseded("OLD" + device)).isFalse();
        assertThat(open(device)).extracting(f -> f.get("id")).containsExactly("OLD" + device);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM continuity_marks WHERE device_id = ?").param(device).query(Long.class).single())
                .isZero();
    }

    @Test
    void aWindowedAnalysisFindsWhatTheWholeHistoryFindsInsideTheWindow() {
        // given two days of a device, a week apart, each with a gap and an overlap
        String device = device();
        long first = dump(device, "2024-03-01T20:00:00");
        recording(first, device, 1, "2024-03-01T08:00:00", 600);
        recording(first, device, 2, "2024-03-01T08:15:00", 600);
        recording(first, device, 3, "2024-03-01T08:20:00", 600);
        long second = dump(device, "2024-03-08T20:00:00");
        recording(second, device, 4, "2024-03-08T08:00:00", 600);
        recording(second, device, 5, "2024-03-08T08:15:00", 600);
        recording(second, device, 6, "2024-03-08T08:20:00", 600);
        analyzeMarked(device, first);
        List<Object> firstDay = open(device).stream().map(f -> f.get("id")).toList();

        // when the second day is analysed in its window, and then the whole history
        analyzeMarked(device, second);
        List<Object> windowed = open(device).stream().map(f -> f.get("id")).toList();
        ContinuityService.Outcome whole = new TransactionTemplate(transactionManager)
                .execute(s -> continuity.analyze(Set.of(device), "test"));

        // then the whole history raises and supersedes nothing more: the windows found it all, and the first day's
        // findings were kept through the second's analysis
        assertThat(firstDay).hasSize(2);
        assertThat(windowed).hasSize(4).containsAll(firstDay);
        assertThat(whole.raised()).isZero();
        assertThat(whole.superseded()).isZero();
        assertThat(open(device).stream().map(f -> f.get("id")).toList()).containsExactlyInAnyOrderElementsOf(windowed);
    }

    private ContinuityService.Outcome analyzeMarked(String device, long dump) {
        return new TransactionTemplate(transactionManager).execute(s -> {
            marks.mark(device, dump, "dump " + dump + " registered");
            return continuity.analyzeMarked("test");
        });
    }

    private static String device() {
        return "WIN" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static OffsetDateTime cst(String local) {
        return LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(8));
    }

    private long dump(String device, String dockedAt) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime at = cst(dockedAt).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO dumps (folder, fingerprint, station, device_id, officer_id, docked_at, device_clock_at_dock, "
                        + "clock_offset_seconds, has_manifest, status, registered_at) VALUES (?, ?, 'ST01', ?, 'P1', ?, ?, 0, TRUE, 'DONE', ?)")
                .params(device + "_" + UUID.randomUUID(), UUID.randomUUID().toString(), device, at, at, at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A recording named by its device-local start, placed by the file name as ingest places it. */
    private String recording(long dump, String device, int seq, String localStart, double seconds) {
        String file = device + "_P1_" + localStart.replace("-", "").replace(":", "").replace("T", "_") + "_" + seq + ".mp4";
        String sha = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        jdbc.sql("INSERT INTO recordings (sha256, size_bytes, archive_path, original_path, file_name, dump_id, device_id, "
                        + "officer_id, device_start, device_start_source, corrected_start, duration_seconds, media_seconds, "
                        + "important, status, ingested_at) VALUES (?, 1000, ?, ?, ?, ?, ?, 'P1', ?, 'FILE_NAME', ?, ?, ?, FALSE, "
                        + "'ARCHIVED', ?)")
                .params(sha, "sha256/" + sha, "DCIM/" + file, file, dump, device, LocalDateTime.parse(localStart),
                        cst(localStart).withOffsetSameInstant(ZoneOffset.UTC), seconds, seconds,
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return file;
    }

    private void finding(String id, String device, String start, String end) {
        jdbc.sql("INSERT INTO findings (id, kind, device_id, start_at, end_at, seconds, recordings, detail, raised_at) "
                        + "VALUES (?, 'GAP', ?, ?, ?, 60, '[]', 'from an earlier rule', ?)")
                .params(id, device, cst(start).withOffsetSameInstant(ZoneOffset.UTC), cst(end).withOffsetSameInstant(ZoneOffset.UTC),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    private List<Map<String, Object>> open(String device) {
        return jdbc.sql("SELECT id, kind, start_at, recordings FROM findings WHERE device_id = ? AND superseded_at IS NULL "
                + "ORDER BY start_at, id").param(device).query().listOfRows();
    }

    private boolean superseded(String id) {
        return jdbc.sql("SELECT superseded_at FROM findings WHERE id = ?").param(id).query().singleRow().get("superseded_at") != null;
    }
}
