package footage.jobs.report;

import footage.pipeline.continuity.FindingKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReportTests extends ReportTestBase {

    @Test
    void oneRowPerFindingWithFormulasMadeInert() {
        // given
        CatalogRows.Scenario s = rows().scenario();

        // when
        String csv = new String(renderer.render(builder.build(new ReportFilter(s.device(), null, null)), ReportFormat.CSV,
                java.util.Locale.ENGLISH),
                StandardCharsets.UTF_8);

        // then
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(csv).endsWith("\r\n");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("finding_id,device,kind,start,end,seconds,recordings,activity,"
                + "explanation_reason,explanation_note,explained_by,explained_at,detail,"
                + "retention_class,retention_category,hold,retain_until,recording_kind");
        assertThat(lines.get(1)).isEqualTo(s.gap() + "," + s.device() + ",GAP,2019-02-17T09:40:00+08:00,"
                + "2019-02-17T09:42:00+08:00,120," + s.fileA() + "; " + s.fileB() + ",,,,,,120 s between " + s.fileA()
                + " and " + s.fileB() + ",,,,,");
        assertThat(lines.get(2).split(",")[9]).isEqualTo("'=cmd() <script>alert('x')</script> 暴雨");
        assertThat(lines.get(2)).contains(",WEATHER,").contains(",李四,2019-02-18T08:00:00+08:00,");
        assertThat(lines.get(3)).startsWith(s.drift() + "," + s.device() + ",CLOCK_DRIFT,").contains(",95,");
        assertThat(lines.get(4)).startsWith("\"\"," + s.device() + ",RECORDING,2019-02-17T09:30:00+08:00,")
                .contains("," + s.fileA() + ",").contains(",recording " + s.recordingA() + ": ARCHIVED; sha256 ")
                .endsWith(",STANDARD,,no,,VIDEO");
    }

    @Test
    void cellsAreQuotedPerRfc4180AndEveryFormulaLeadGetsAnApostrophe() {
        // given
        GapReport.Finding finding = new GapReport.Finding("F1", FindingKind.GAP, null, null, -2.5,
                List.of("a,b.mp4", "say \"hi\".mp4"), "+1", new GapReport.Explanation("OBSTRUCTION",
                "line one\nline two", "@admin", null), "\tcmd");
        GapReport report = new GapReport(OffsetDateTime.now(), "0".repeat(64), ZoneId.of("Asia/Shanghai"),
                ReportFilter.all(), List.of(new GapReport.Device("-D1", null, List.of(), List.of(), List.of(finding))));

        // when
        String csv = CsvReport.render(report, english());

        // then
        String row = csv.substring(csv.indexOf("\r\n") + 2);
        assertThat(row).isEqualTo("F1,'-D1,GAP,,,-2.5,\"a,b.mp4; say \"\"hi\"\".mp4\",'+1,OBSTRUCTION,"
                + "\"line one\nline two\",'@admin,,'\tcmd,,,,,\r\n");
    }
}
