package footage.jobs.report;

import footage.pipeline.text.Json;
import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static footage.jobs.report.CatalogRows.cst;
import static org.assertj.core.api.Assertions.assertThat;

class GapReportBuilderTests extends ReportTestBase {

    @Autowired
    Ledger ledger;
    @Autowired
    FootageProperties footage;

    @Test
    void readsTheDeviceWithItsNewestDockOffsetItsRecordingsAndItsCurrentFindings() {
        // given
        CatalogRows.Scenario s = rows().scenario();

        // when
        GapReport report = builder.build(new ReportFilter(s.device(), null, null));

        // then
        assertThat(report.ledgerHead()).isEqualTo(ledger.headHash());
        assertThat(report.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(report.generatedAt().getOffset()).isEqualTo(CatalogRows.CST);
        assertThat(report.devices()).hasSize(1);
        GapReport.Device device = report.devices().get(0);
        assertThat(device.deviceId()).isEqualTo(s.device());
        assertThat(device.clockOffsetSeconds()).isEqualTo(95.0);
        assertThat(device.officers()).containsExactly(new GapReport.Officer("100234", "张三"));
        assertThat(device.recordings()).extracting(GapReport.Recording::file).containsExactly(s.fileA(), s.fileB(), s.fileC());
        GapReport.Recording damaged = device.recordings().get(1);
        assertThat(damaged.id()).isEqualTo(Long.toString(s.recordingB()));
        assertThat(damaged.start()).isEqualTo(cst("2019-02-17T09:42:00"));
        assertThat(damaged.start().getOffset()).isEqualTo(CatalogRows.CST);
        // the media really ends after 300 of its stated 600 s
        assertThat(damaged.end()).isEqualTo(cst("2019-02-17T09:47:00"));
        assertThat(damaged.durationSeconds()).isEqualTo(300.0);
        assertThat(damaged.status()).isEqualTo("DAMAGED");
        assertThat(device.findings()).extracting(GapReport.Finding::id).containsExactly(s.gap(), s.explainedGap(), s.drift());
        GapReport.Finding explained = device.findings().get(1);
        assertThat(explained.recordings()).containsExactly(s.fileB(), s.fileC());
        assertThat(explained.activityId()).startsWith("ACT-");
        assertThat(explained.explanation().reason()).isEqualTo("WEATHER");
        assertThat(explained.explanation().by()).isEqualTo("李四");
        assertThat(explained.explanation().at()).isEqualTo(cst("2019-02-18T08:00:00"));
        assertThat(device.findings().get(0).explanation()).isNull();
        assertThat(device.findings().get(2).recordings()).isEmpty();
    }

    @Test
    void aTimeWindowKeepsWhatOverlapsIt() {
        // given
        CatalogRows.Scenario s = rows().scenario();

        // when
        GapReport report = builder.build(new ReportFilter(s.device(), cst("2019-02-17T09:41:00"), cst("2019-02-17T09:45:00")));

        // then
        GapReport.Device device = report.devices().get(0);
        assertThat(device.recordings()).extracting(GapReport.Recording::file).containsExactly(s.fileB());
        assertThat(device.findings()).extracting(GapReport.Finding::id).containsExactly(s.gap());
    }

    @Test
    void anUnknownDeviceGivesAnEmptyReport() {
        // given
        rows().scenario();

        // when
        GapReport report = builder.build(new ReportFilter("NO-SUCH-DEVICE", null, null));

        // then
        assertThat(report.devices()).isEmpty();
    }

    @Test
    void theReportZoneIsConfigurable() {
        // given
        CatalogRows.Scenario s = rows().scenario();
        GapReportBuilder utc = new GapReportBuilder(jdbc, ledger, new ReportProperties(ZoneId.of("UTC"), null, null), footage,
                Optional.empty(), Json.MAPPER);

        // when
        GapReport report = utc.build(new ReportFilter(s.device(), null, null));

        // then
        List<GapReport.Recording> recordings = report.devices().get(0).recordings();
        assertThat(ReportText.iso(recordings.get(0).start())).isEqualTo("2019-02-17T01:30:00Z");
        assertThat(ReportText.iso(report.devices().get(0).findings().get(0).end())).isEqualTo("2019-02-17T01:42:00Z");
    }
}
