package footage.jobs.continuity;

import footage.jobs.QueryPlans;
import footage.pipeline.continuity.Activity;
import footage.pipeline.text.Json;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docking's analysis reads only the activities that may involve its device (issue 21, BENCHMARKS.md §12), and never
 * fewer than the full read would have made it involve: those naming the device among others, with spaces, and those
 * naming officers only (which device those officers recorded on, only the analysis tells). Real PostgreSQL.
 */
class TimelineSourceActivitiesTests {

    @Test
    void aDeviceReadsTheActivitiesNamingItOrNamingOfficersAndNoOthers() {
        // given
        QueryPlans plans = QueryPlans.onFreshCatalog();
        JdbcClient jdbc = JdbcClient.create(plans.database());
        activity(jdbc, "ALONE", "BWC-0001", "");
        activity(jdbc, "AMONG", "BWC-0007 , BWC-0001", "");
        activity(jdbc, "OFFICER", "", "P00001");
        activity(jdbc, "OTHER", "BWC-0002", "");
        activity(jdbc, "LONGER-ID", "BWC-00011", "");
        TimelineSource source = new TimelineSource(jdbc, Json.MAPPER);

        // when
        List<Activity> naming = source.activitiesNaming(Set.of("BWC-0001"));

        // then: the full read, narrowed by the analysis's own membership check, loses nothing
        Set<String> involvedFromAll = new TreeSet<>();
        source.activities().stream().filter(a -> a.devices().contains("BWC-0001") || !a.officers().isEmpty())
                .forEach(a -> involvedFromAll.add(a.id()));
        Set<String> involvedFromNaming = new TreeSet<>();
        naming.stream().filter(a -> a.devices().contains("BWC-0001") || !a.officers().isEmpty())
                .forEach(a -> involvedFromNaming.add(a.id()));
        assertThat(involvedFromNaming).isEqualTo(involvedFromAll).containsExactly("ALONE", "AMONG", "OFFICER");
        // a substring match only widens: the longer id is read and dropped by the exact check; the other device is not read
        assertThat(naming).extracting(Activity::id).containsExactly("ALONE", "AMONG", "LONGER-ID", "OFFICER");
    }

    @Test
    void manyDevicesReadEveryActivity() {
        // given
        QueryPlans plans = QueryPlans.onFreshCatalog();
        JdbcClient jdbc = JdbcClient.create(plans.database());
        activity(jdbc, "OTHER", "BWC-0002", "");
        Set<String> devices = new TreeSet<>();
        for (int i = 0; i <= TimelineSource.FILTERED_DEVICES; i++) {
            devices.add("DEV-" + i);
        }
        TimelineSource source = new TimelineSource(jdbc, Json.MAPPER);

        // when
        List<Activity> naming = source.activitiesNaming(devices);

        // then
        assertThat(naming).extracting(Activity::id).containsExactly("OTHER");
    }

    private static void activity(JdbcClient jdbc, String id, String devices, String officers) {
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) VALUES (?, 'C', "
                        + "TIMESTAMPTZ '2024-03-01 08:00:00+00', TIMESTAMPTZ '2024-03-01 09:00:00+00', ?, ?, "
                        + "TIMESTAMPTZ '2024-03-01 00:00:00+00')")
                .params(id, devices, officers).update();
    }
}
