package footage.jobs.evidence;

import footage.jobs.QueryPlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's search and recording page read index ranges, never the whole catalog (issue 21, BENCHMARKS.md §12):
 * the plans of the very SQL CatalogSearch sends, on a real PostgreSQL catalog migrated by the application's Flyway.
 * Without V98/V99 these plans are sequential scans of recordings, findings and the ledger.
 */
class CatalogSearchPlansTests {

    private static final OffsetDateTime DAY = OffsetDateTime.parse("2024-03-01T00:00:00Z");

    private static QueryPlans plans;
    private static CatalogSearch search;

    @BeforeAll
    static void catalog() {
        plans = QueryPlans.onFreshCatalog().givenSmallCatalog();
        search = new CatalogSearch(JdbcClient.create(plans.recording()));
    }

    @BeforeEach
    void forget() {
        plans.forget();
    }

    @Test
    void deviceDaySearchReadsTheDevicesDayFromItsIndex() {
        // given
        CatalogSearch.Filter deviceDay = new CatalogSearch.Filter("BWC-0001", null, null, DAY, DAY.plusDays(1), null, null, null);

        // when
        CatalogSearch.Page page = search.search(deviceDay, 1, 25);

        // then
        assertThat(page.hits()).hasSize(3);
        String plan = plans.plan(plans.containing("FROM recordings r").get(0));
        assertThat(plan).contains("recordings_device_start").contains("findings_recording")
                .doesNotContain("Seq Scan on recordings").doesNotContain("Seq Scan on findings");
    }

    @Test
    void officerMonthSearchReadsTheOfficersMonthFromItsIndex() {
        // given
        CatalogSearch.Filter officerMonth = new CatalogSearch.Filter(null, "P00001", null, DAY, DAY.plusMonths(1), null, null, null);

        // when
        CatalogSearch.Page page = search.search(officerMonth, 1, 25);

        // then
        assertThat(page.hits()).hasSize(3);
        assertThat(plans.plan(plans.containing("FROM recordings r").get(0)))
                .contains("recordings_officer_start").doesNotContain("Seq Scan on recordings");
    }

    @Test
    void unfilteredFirstPageReadsTheNewestEndOfTheTimeIndex() {
        // given
        CatalogSearch.Filter everything = new CatalogSearch.Filter(null, null, null, null, null, null, null, null);

        // when
        CatalogSearch.Page page = search.search(everything, 1, 2);

        // then
        assertThat(page.hits()).extracting(CatalogSearch.Hit::id).containsExactly(3L, 2L);
        assertThat(page.hasNext()).isTrue();
        assertThat(plans.plan(plans.containing("FROM recordings r").get(0)))
                .contains("Index Scan Backward using recordings_start").doesNotContain("Sort");
    }

    @Test
    void findingKindsProbeTheKindIndexInsteadOfReadingEveryFinding() {
        // when
        var kinds = search.findingKinds();

        // then
        assertThat(kinds).containsExactly("DAMAGED");
        assertThat(plans.plan(plans.containing("FROM findings").get(0)))
                .contains("findings_kind").doesNotContain("Seq Scan on findings");
    }

    @Test
    void recordingPageLooksItsLedgerHistoryUpBySubject() {
        // when
        var history = search.history(2);

        // then
        assertThat(history).extracting(CatalogSearch.Entry::subject).containsExactly("recording:2", "finding:dmg-2");
        String plan = plans.plan(plans.containing("FROM ledger").get(0));
        assertThat(plan).contains("ledger_subject").contains("findings_recording")
                .doesNotContain("Seq Scan on ledger").doesNotContain("Seq Scan on findings");
    }
}
