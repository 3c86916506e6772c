package footage.jobs.continuity;

import footage.jobs.QueryPlans;
import footage.pipeline.continuity.Dock;
import footage.pipeline.text.Json;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

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
}
