package footage.jobs.report;

import footage.pipeline.text.Json;
import footage.jobs.cli.Cli;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;

import static footage.jobs.report.CatalogRows.cst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 18, point 5: the supervision figures of Art. 19, checked one by one against a generated month whose
 * activities, gaps, late uploads, drifts, damage and explanations are known.
 */
class SupervisionReportsTests extends ReportTestBase {

    @Autowired
    SupervisionReports reports;

    @Test
    void everyFigureOfAMonthIsCountedForItsOfficerAndTheTotal() {
        // given, in a month of its own (the report context is shared), two officers A and B
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String a = "A" + tag;
        String b = "B" + tag;
        YearMonth month = YearMonth.of(2030, 1 + Math.floorMod(tag.hashCode(), 12));
        String m = month.toString();
        CatalogRows rows = rows();
        long dockA = rows.dump("DA" + tag, a, "张三", cst(m + "-10T18:00:00"), 0.0);
        long dockB = rows.dump("DB" + tag, b, "李四", cst(m + "-11T18:00:00"), 0.0);
        // A: three activities of 1 h (coverage 100 %, 50 %, 0 % = no footage), one of 2 h with B (coverage 75 %)
        activity("X1" + tag, a, m + "-10T09:00:00", m + "-10T10:00:00", 100.0);
        activity("X2" + tag, a, m + "-10T11:00:00", m + "-10T12:00:00", 50.0);
        activity("X3" + tag, a, m + "-10T13:00:00", m + "-10T14:00:00", 0.0);
        activity("X4" + tag, a + "," + b, m + "-11T09:00:00", m + "-11T11:00:00", 75.0);
        // and one of A in the month before, which does not count
        activity("X0" + tag, a, month.minusMonths(1) + "-20T09:00:00", month.minusMonths(1) + "-20T10:00:00", 0.0);
        // A: two unexplained gaps of 90 s and 30 s, one explained gap, a late upload, a clock drift
        rows.finding("G1" + tag, "GAP", "DA" + tag, dockA, cst(m + "-10T11:10:00"), cst(m + "-10T11:11:30"), 90.0, "[]", null, "");
        rows.finding("G2" + tag, "GAP", "DA" + tag, dockA, cst(m + "-10T11:20:00"), cst(m + "-10T11:20:30"), 30.0, "[]", null, "");
        rows.finding("G3" + tag, "GAP", "DA" + tag, dockA, cst(m + "-10T11:30:00"), cst(m + "-10T11:35:00"), 300.0, "[]", null, "");
        rows.explain("G3" + tag, "WEATHER", "暴雨", "张三", cst(m + "-12T08:00:00"));
        rows.finding("L1" + tag, "LATE_UPLOAD", "DA" + tag, dockA, cst(m + "-10T14:00:00"), cst(m + "-12T18:00:00"), 1.0, "[]", null, "");
        rows.finding("C1" + tag, "CLOCK_DRIFT", "DA" + tag, dockA, cst(m + "-10T18:00:00"), cst(m + "-10T18:00:00"), 95.0, "[]", null, "");
        // B: one damaged recording and one unexplained gap of 120 s
        rows.recording(dockB, "DB" + tag, "DB" + tag + "_1.mp4", cst(m + "-11T09:00:00"), 600.0, 300.0, "DAMAGED");
        jdbc.sql("UPDATE recordings SET officer_id = ? WHERE device_id = ?").params(b, "DB" + tag).update();
        rows.finding("G4" + tag, "GAP", "DB" + tag, dockB, cst(m + "-11T10:00:00"), cst(m + "-11T10:02:00"), 120.0, "[]", null, "");

        // when
        SupervisionReports.Report report = reports.month(month);

        // then A's figures
        SupervisionReports.Figures fa = report.officers().stream().filter(f -> a.equals(f.officerId())).findFirst().orElseThrow();
        assertThat(fa.officerName()).isEqualTo("张三");
        assertThat(fa.activities()).isEqualTo(4);
        assertThat(fa.activitiesWithoutFootage()).isEqualTo(1);
        // (1 h × 100 + 1 h × 50 + 1 h × 0 + 2 h × 75) / 5 h = 60 %
        assertThat(fa.coveragePercent()).isCloseTo(60.0, within(0.05));
        assertThat(fa.unexplainedGaps()).isEqualTo(2);
        assertThat(fa.unexplainedGapMinutes()).isCloseTo(2.0, within(0.01));
        assertThat(fa.lateUploads()).isEqualTo(1);
        assertThat(fa.damagedRecordings()).isZero();
        assertThat(fa.clockDrifts()).isEqualTo(1);
        assertThat(fa.explanationsFiled()).isEqualTo(1);
        // and B's
        SupervisionReports.Figures fb = report.officers().stream().filter(f -> b.equals(f.officerId())).findFirst().orElseThrow();
        assertThat(fb.activities()).isEqualTo(1);
        assertThat(fb.activitiesWithoutFootage()).isZero();
        assertThat(fb.coveragePercent()).isCloseTo(75.0, within(0.05));
        assertThat(fb.unexplainedGaps()).isEqualTo(1);
        assertThat(fb.unexplainedGapMinutes()).isCloseTo(2.0, within(0.01));
        assertThat(fb.lateUploads()).isZero();
        assertThat(fb.damagedRecordings()).isEqualTo(1);
        assertThat(fb.clockDrifts()).isZero();
        assertThat(fb.explanationsFiled()).isZero();
        // and the total of the month (only these two officers have anything in it)
        assertThat(report.officers()).hasSize(2);
        SupervisionReports.Figures t = report.total();
        assertThat(t.activities()).isEqualTo(5);
        assertThat(t.unexplainedGaps()).isEqualTo(3);
        assertThat(t.unexplainedGapMinutes()).isCloseTo(4.0, within(0.01));
        assertThat(t.damagedRecordings()).isEqualTo(1);
        // (60 % of 5 h + 75 % of 2 h) / 7 h
        assertThat(t.coveragePercent()).isCloseTo((0.6 * 5 + 0.75 * 2) / 7 * 100, within(0.05));

        // and the CSV and HTML say the same, in Chinese by default
        String csv = new String(reports.render(report, ReportFormat.CSV, null), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("执法人员,姓名,执法活动,无录像的活动,");
        assertThat(csv).contains(a + ",张三,4,1,60,2,2,1,0,1,1\r\n").contains(b + ",李四,1,0,75,1,2,0,1,0,0\r\n")
                .contains("合计,,5,1,");
        String html = new String(reports.render(report, ReportFormat.HTML, Locale.ENGLISH), StandardCharsets.UTF_8);
        assertThat(html).contains("Supervision report " + m).contains("<td>total</td>").contains(report.ledgerHead());
        // and the month-over-month chart covers the six months up to this one, this month's bar counting its 3 gaps
        assertThat(report.history().keySet()).containsExactly(month.minusMonths(5), month.minusMonths(4),
                month.minusMonths(3), month.minusMonths(2), month.minusMonths(1), month);
        assertThat(report.history().get(month).unexplainedGaps()).isEqualTo(3);
        assertThat(report.history().get(month.minusMonths(1)).activities()).isEqualTo(1);
        assertThat(html).contains("class=\"month-chart\"").contains("<title>" + m + "</title>");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    @Test
    void eachUnitSumsItsOfficersFromTheImportedOfficersListAndOfficersWithoutAUnitAreSummedApart() throws Exception {
        // given, in a month of its own, officers A and B of one unit (imported from a CSV with a BOM) and C of none
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String a = "UA" + tag;
        String b = "UB" + tag;
        String c = "UC" + tag;
        String unit = "一中队" + tag;
        YearMonth month = YearMonth.of(2040, 1 + Math.floorMod(tag.hashCode(), 12));
        String m = month.toString();
        java.nio.file.Path list = tmp.resolve("officers.csv");
        java.nio.file.Files.write(list, ("\uFEFFofficerId,officerName,unit\n" + a + ",张三," + unit + "\n" + b + ",李四," + unit + "\n")
                .getBytes(StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Cli.run(context, print, print, "officers", "import", list.toString())).as(out.toString()).isZero();
        CatalogRows rows = rows();
        long dockA = rows.dump("UDA" + tag, a, "张三", cst(m + "-10T18:00:00"), 0.0);
        long dockC = rows.dump("UDC" + tag, c, "王五", cst(m + "-11T18:00:00"), 0.0);
        // A: one activity of 1 h at 100 %, one unexplained gap of 60 s; B: one of 1 h at 0 %; C: one of 1 h at 50 %
        activity("UX1" + tag, a, m + "-10T09:00:00", m + "-10T10:00:00", 100.0);
        activity("UX2" + tag, b, m + "-10T11:00:00", m + "-10T12:00:00", 0.0);
        activity("UX3" + tag, c, m + "-11T09:00:00", m + "-11T10:00:00", 50.0);
        rows.finding("UG1" + tag, "GAP", "UDA" + tag, dockA, cst(m + "-10T09:10:00"), cst(m + "-10T09:11:00"), 60.0, "[]", null, "");
        rows.finding("UL1" + tag, "LATE_UPLOAD", "UDC" + tag, dockC, cst(m + "-11T10:00:00"), cst(m + "-13T18:00:00"), 1.0, "[]", null, "");

        // when
        SupervisionReports.Report report = reports.month(month);

        // then the unit has both its officers' figures, and C stands apart
        assertThat(report.units()).extracting(SupervisionReports.UnitFigures::unit).containsExactly(unit, null);
        SupervisionReports.UnitFigures u = report.units().get(0);
        assertThat(u.officers()).isEqualTo(2);
        assertThat(u.figures().activities()).isEqualTo(2);
        assertThat(u.figures().activitiesWithoutFootage()).isEqualTo(1);
        assertThat(u.figures().coveragePercent()).isCloseTo(50.0, within(0.05));
        assertThat(u.figures().unexplainedGaps()).isEqualTo(1);
        assertThat(u.figures().unexplainedGapMinutes()).isCloseTo(1.0, within(0.01));
        assertThat(u.figures().lateUploads()).isZero();
        SupervisionReports.UnitFigures none = report.units().get(1);
        assertThat(none.officers()).isEqualTo(1);
        assertThat(none.figures().activities()).isEqualTo(1);
        assertThat(none.figures().coveragePercent()).isCloseTo(50.0, within(0.05));
        assertThat(none.figures().lateUploads()).isEqualTo(1);
        // and the CSV (Chinese) and the HTML (English) carry the unit rows
        String csv = new String(reports.render(report, ReportFormat.CSV, null), StandardCharsets.UTF_8);
        assertThat(csv).contains("单位：" + unit + ",2 名执法人员,2,1,50,1,1,0,0,0,0\r\n")
                .contains("未登记单位的执法人员,1 名执法人员,1,0,50,0,0,1,0,0,0\r\n");
        String html = new String(reports.render(report, ReportFormat.HTML, Locale.ENGLISH), StandardCharsets.UTF_8);
        assertThat(html).contains("Per unit").contains("<td>unit: " + unit + "</td>").contains("<td>2 officer(s)</td>");
    }

    @Test
    void aBadOfficersListNamesEveryBadLineAndImportsNothing() throws Exception {
        // given a list with a duplicate id and a line without a unit, and one saved as GBK
        String tag = UUID.randomUUID().toString().substring(0, 6);
        java.nio.file.Path bad = tmp.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "officerId,officerName,unit\nO1" + tag + ",张三,一中队\nO1" + tag + ",李四,二中队\nO2" + tag + ",王五,\n");
        java.nio.file.Path gbk = tmp.resolve("gbk.csv");
        java.nio.file.Files.write(gbk, ("officerId,officerName,unit\nO3" + tag + ",张三,一中队\n").getBytes(java.nio.charset.Charset.forName("GBK")));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);

        // when
        int badLines = Cli.run(context, print, print, "officers", "import", bad.toString());
        int gbkFile = Cli.run(context, print, print, "officers", "import", gbk.toString());

        // then
        assertThat(badLines).isEqualTo(1);
        assertThat(gbkFile).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3 (O1" + tag + "): duplicate officerId O1" + tag + " (also on line 2)")
                .contains("line 4 (O2" + tag + "): unit is empty").contains("nothing was imported").contains("reads as GBK");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM officers WHERE officer_id LIKE ?").param("O_" + tag).query(Long.class).single()).isZero();
    }

    private void activity(String id, String officers, String start, String end, Double coverage) {
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, coverage_percent, imported_at) "
                        + "VALUES (?, ?, ?, ?, '', ?, ?, ?)")
                .params(id, "CASE-" + id, cst(start), cst(end), officers, coverage, OffsetDateTime.now()).update();
    }

    @Autowired
    footage.jobs.runs.JobRuns runs;
    @Autowired
    footage.jobs.FootageProperties footage;

    @Test
    void theMonthlyJobWritesLastMonthsReportInEveryFormatAndLedgersIt() throws Exception {
        // when the scheduled job runs (footage.schedule.supervision, on the 1st)
        org.springframework.batch.core.job.JobExecution run = runs.run("supervisionReportJob");

        // then the month before's report is in the reports folder as CSV, HTML and PDF, with its hashes in the ledger
        YearMonth last = YearMonth.now(reports.zone()).minusMonths(1);
        assertThat(run.getStatus()).isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
        String payload = jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'SUPERVISION_REPORT_WRITTEN' "
                + "ORDER BY seq DESC LIMIT 1").query(String.class).single();
        assertThat(payload).contains("\"month\":\"" + last + "\"");
        String base = Json.MAPPER.readTree(payload).get("files").propertyNames().iterator().next()
                .replaceAll("\\.[a-z]+$", "");
        for (String ext : java.util.List.of("csv", "html", "pdf")) {
            java.nio.file.Path file = footage.reports().resolve(base + "." + ext);
            assertThat(file).exists();
            assertThat(payload).contains(ReportFiles.sha256(java.nio.file.Files.readAllBytes(file)));
        }
    }
}
