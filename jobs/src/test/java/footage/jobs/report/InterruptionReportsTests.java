package footage.jobs.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import static footage.jobs.report.CatalogRows.cst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, point 4: the leader's report (Art. 11) lists, per enforcement activity, the interruptions during it and
 * how each was explained, with the ledger head in its footer.
 */
class InterruptionReportsTests extends ReportTestBase {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    InterruptionReports reports;

    private record Scenario(String activity, String device, String explained, String unexplained, String named,
                            String before, String elsewhere) {
    }

    private Scenario scenario() {
        // an activity from 10:00 to 12:00 on device D with two gaps in it, one explained; a gap the analysis tied to
        // the activity on another device; a gap of D before the activity and one of another device, neither in it
        CatalogRows rows = rows();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String device = "DSJ" + tag;
        String other = "DSO" + tag;
        long dock = rows.dump(device, "100234", "张三", cst("2024-03-01T18:00:00"), 0.0);
        String activity = "ACT-" + tag;
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, '100234', ?)")
                .params(activity, "CASE-" + tag, cst("2024-03-01T10:00:00"), cst("2024-03-01T12:00:00"), device,
                        OffsetDateTime.now()).update();
        Scenario s = new Scenario(activity, device, "F" + tag + "e", "F" + tag + "u", "F" + tag + "n", "F" + tag + "b",
                "F" + tag + "o");
        rows.finding(s.explained(), "GAP", device, dock, cst("2024-03-01T10:20:00"), cst("2024-03-01T10:21:30"), 90.0,
                "[]", null, "90.0 s without recording");
        rows.explain(s.explained(), "WEATHER", "暴雨，镜头进水", "李四", cst("2024-03-01T13:00:00"));
        rows.finding(s.unexplained(), "GAP", device, dock, cst("2024-03-01T11:00:00"), cst("2024-03-01T11:05:00"), 300.0,
                "[]", null, "300.0 s without recording");
        rows.finding(s.named(), "GAP", other, dock, cst("2024-03-01T11:30:00"), cst("2024-03-01T11:31:00"), 60.0,
                "[]", activity, "60.0 s without recording");
        rows.finding(s.before(), "GAP", device, dock, cst("2024-03-01T08:00:00"), cst("2024-03-01T08:10:00"), 600.0,
                "[]", null, "before");
        rows.finding(s.elsewhere(), "GAP", other, dock, cst("2024-03-01T10:30:00"), cst("2024-03-01T10:31:00"), 60.0,
                "[]", null, "other device");
        return s;
    }

    @Test
    void listsTheActivitysInterruptionsWithTheirExplanationsInChineseAndEnglish() throws Exception {
        // given
        Scenario s = scenario();

        // when
        InterruptionReport report = reports.ofActivity(s.activity()).orElseThrow();
        String chinese = new String(reports.render(report, ReportFormat.HTML, Locale.SIMPLIFIED_CHINESE),
                StandardCharsets.UTF_8);
        String english = new String(reports.render(report, ReportFormat.HTML, Locale.ENGLISH), StandardCharsets.UTF_8);
        byte[] pdf = reports.render(report, ReportFormat.PDF, null);

        // then the three interruptions of the activity, in time order, and none outside it
        assertThat(report.activities()).singleElement().satisfies(a -> assertThat(a.interruptions())
                .extracting(InterruptionReport.Interruption::findingId)
                .containsExactly(s.explained(), s.unexplained(), s.named()));
        assertThat(chinese).contains("执法活动中断情况报告").contains("天气原因 (WEATHER)").contains("暴雨，镜头进水")
                .contains("李四").contains("中断 3 处，未说明 2 处").contains(report.ledgerHead())
                .doesNotContain(s.before(), s.elsewhere());
        assertThat(english).contains("Interruptions during enforcement activities").contains("weather (WEATHER)")
                .contains("3 interruption(s), 2 not explained");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("执法活动中断情况报告").contains("暴雨").contains(s.activity());
        }
    }

    @Test
    void theCommandWritesTheReportOfARangeAndRefusesAnUnknownActivity() throws Exception {
        // given
        Scenario s = scenario();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream o = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        java.io.PrintStream e = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);

        // when
        int range = footage.jobs.cli.Cli.run(context, o, e, "report", "interruptions", "--from", "2024-03-01", "--to", "2024-03-01",
                "--format", "html", "--lang", "en");
        int unknown = footage.jobs.cli.Cli.run(context, o, e, "report", "interruptions", "--activity", "NO-SUCH");

        // then
        assertThat(range).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Activity " + s.activity()).contains(s.unexplained());
        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NO-SUCH");
    }
}
