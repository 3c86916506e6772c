package footage.jobs.report;

import footage.jobs.FootageProperties;
import footage.jobs.QueryPlans;
import footage.jobs.ledger.TestLedgers;
import footage.pipeline.text.Json;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device-day gap report (and so the console's device-day timeline, drawn from it) reads that device's day, not its
 * whole history nor every dock of the bureau (issue 21, BENCHMARKS.md §12): the plans of the very SQL the builder
 * sends, on a real PostgreSQL catalog. Without V98/V99 they are sequential scans.
 */
class GapReportPlansTests {

    @Test
    void deviceDayReportReadsIndexRangesOfTheDevice() {
        // given
        QueryPlans plans = QueryPlans.onFreshCatalog().givenSmallCatalog();
        JdbcClient jdbc = JdbcClient.create(plans.recording());
        GapReportBuilder builder = new GapReportBuilder(jdbc, TestLedgers.on(jdbc), new ReportProperties(ZoneId.of("UTC"), null, null),
                new FootageProperties(Path.of("target", "gap-report-plans"), null, null, null, null, null, null, null, null, null, null),
                Optional.empty(), Json.MAPPER);
        OffsetDateTime day = OffsetDateTime.parse("2024-03-01T00:00:00Z");

        // when
        GapReport report = builder.build(new ReportFilter("BWC-0001", day, day.plusDays(1)));

        // then
        assertThat(report.devices()).singleElement().satisfies(d -> {
            assertThat(d.recordings()).hasSize(3);
            assertThat(d.findings()).hasSize(1);
        });
        String recordings = plans.plan(plans.containing("FROM recordings r JOIN dumps d").get(0));
        assertThat(recordings).contains("recordings_device_start").doesNotContain("Seq Scan");
        // both ends of the device's time range are index conditions: the day, not all the device's days before it
        assertThat(recordings.lines().filter(l -> l.contains("Index Cond")))
                .anySatisfy(l -> assertThat(l).contains("corrected_start >=").contains("corrected_start <="));
        assertThat(plans.plan(plans.containing("MAX(GREATEST").get(0))).contains("recordings_longest");
        assertThat(plans.plan(plans.containing("FROM findings f").get(0)))
                .contains("findings_device_start").doesNotContain("Seq Scan on findings").doesNotContain("Seq Scan on dumps");
        assertThat(plans.plan(plans.containing("clock_offset_seconds FROM dumps").get(0)))
                .contains("dumps_device_newest").doesNotContain("Seq Scan").doesNotContain("Sort");
    }
}
