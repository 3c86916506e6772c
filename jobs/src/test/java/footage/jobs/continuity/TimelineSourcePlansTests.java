package footage.jobs.continuity;

import footage.jobs.QueryPlans;
import footage.pipeline.continuity.Dock;
import footage.pipeline.text.Json;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docking's continuity analysis reads its device's docks and recordings through the device's index ranges (issue 21,
 * BENCHMARKS.md §12): what it costs depends on that device's rows, not on how many recordings the bureau holds. The
 * plans of the very SQL TimelineSource sends, on a real PostgreSQL catalog; without V98 they scan dumps and recordings.
 */
class TimelineSourcePlansTests {

    @Test
    void docksAndSegmentsOfADeviceAreIndexRangesOfThatDevice() {
        // given
        QueryPlans plans = QueryPlans.onFreshCatalog().givenSmallCatalog();
        TimelineSource source = new TimelineSource(JdbcClient.create(plans.recording()), Json.MAPPER);

        // when
        List<Dock> docks = source.docks("BWC-0001");
        int segments = source.segments("BWC-0001", docks).size();

        // then
        assertThat(docks).extracting(Dock::key).containsExactly("dump:1");
        assertThat(segments).isEqualTo(3);
        assertThat(plans.plan(plans.containing("FROM dumps d").get(0)))
                .contains("dumps_device").contains("recordings_device_start").doesNotContain("Seq Scan");
        assertThat(plans.plan(plans.containing("silences_json FROM recordings").get(0)))
                .contains("recordings_device_start").doesNotContain("Seq Scan");
    }

    @Test
    void aDockingsWindowIsReadThroughIndexRangesOfItsDeviceAndTime() {
        // given
        QueryPlans plans = QueryPlans.onFreshCatalog().givenSmallCatalog();
        // a year of weekly activities of the other devices before it, as at a bureau
        JdbcClient.create(plans.database()).sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, "
                + "imported_at) SELECT 'A' || i, 'C', TIMESTAMPTZ '2023-03-01 08:00:00+00' + (i / 50) * INTERVAL '7 days', "
                + "TIMESTAMPTZ '2023-03-01 09:00:00+00' + (i / 50) * INTERVAL '7 days', 'OTHER-' || (1 + i % 50), '', "
                + "TIMESTAMPTZ '2023-03-01 00:00:00+00' FROM generate_series(0, 2599) i").update();
        JdbcClient.create(plans.database()).sql("ANALYZE activities").update();
        TimelineSource source = new TimelineSource(JdbcClient.create(plans.recording()), Json.MAPPER);

        // when the analysis of dump 1 reads its window and 24 h around it
        Window window = source.spanOf("BWC-0001", Set.of(1L));
        Window range = window.widened(Duration.ofHours(24));
        List<Long> dumps = source.dumpsDockedIn("BWC-0001", range);
        List<Dock> docks = source.docksByIds("BWC-0001", dumps);
        int segments = source.segmentsIn("BWC-0001", range, dumps, docks).segments().size();
        source.activitiesNaming(Set.of("BWC-0001"), window);

        // then: from its first recording's start to its docking, each read a range of an index
        assertThat(window).isEqualTo(new Window(Instant.parse("2024-03-01T07:00:00Z"), Instant.parse("2024-03-01T20:00:00Z")));
        assertThat(dumps).containsExactly(1L);
        assertThat(segments).isEqualTo(3);
        assertThat(plans.plan(plans.containing("SELECT id FROM dumps WHERE device_id").get(0)))
                .containsPattern("dumps_device").doesNotContain("Seq Scan");
        assertThat(plans.plan(plans.containing("silences_json, id FROM recordings").get(0)))
                .contains("recordings_device_start").contains("recordings_dump").doesNotContain("Seq Scan");
        assertThat(plans.plan(plans.containing("FROM activities").get(0))).contains("activities_end").doesNotContain("Seq Scan");
    }
}
