package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gap timeline page and explaining a gap from it: the SVG's class and the report JSON change together. */
class EvidenceTimelineTests extends AbstractEvidenceTests {

    @Test
    void explainingAGapChangesItsClassInTheTimelineAndItsExplanationInTheReportJson() {
        // given an unexplained gap on device D7 between its two recordings, and an evidence clerk's session
        jdbc.sql("INSERT INTO findings (id, kind, device_id, start_at, end_at, seconds, detail, raised_at) "
                        + "VALUES ('f-gap-d7', 'GAP', 'D7', ?, ?, 900.0, 'gap of 15 min', ?)")
                .params(at("2026-03-01T10:05:00+08:00"), at("2026-03-01T10:20:00+08:00"), at("2026-03-02T00:00:00Z"))
                .update();
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        ConsoleClient viewerOnly = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);
        String before = staff.get("/evidence/timeline?device=D7&from=2026-03-01&to=2026-03-01").body();

        // when a viewer tries to explain it, then the clerk explains it (Art. 11 reason and note)
        HttpResponse<String> byViewer = viewerOnly.submit("/evidence/findings/f-gap-d7/explain",
                Map.of("reason", "WEATHER", "note", "x", "device", "D7"));
        HttpResponse<String> explained = staff.submit("/evidence/findings/f-gap-d7/explain",
                Map.of("reason", "OBSTRUCTION", "note", "suspect grabbed the camera", "device", "D7"));
        String after = staff.get("/evidence/timeline?device=D7&from=2026-03-01&to=2026-03-01").body();
        String json = staff.get("/evidence/timeline/report.json?device=D7").body();
        HttpResponse<String> csv = staff.get("/evidence/timeline/report.csv?device=D7");
        HttpResponse<String> unknown = staff.get("/evidence/timeline/report.exe?device=D7");

        // then only the clerk could, the gap turned from unexplained to explained in the SVG, and the JSON says why
        assertThat(before).contains("<svg").contains("gap unexplained").doesNotContain("gap explained");
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(explained.statusCode()).isEqualTo(302);
        assertThat(after).contains("<svg").contains("gap explained").doesNotContain("gap unexplained");
        assertThat(json).contains("f-gap-d7").contains("OBSTRUCTION").contains("suspect grabbed the camera");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("OBSTRUCTION");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(after).contains("report.pdf?device=D7&amp;from=2026-03-01&amp;to=2026-03-01");
        assertThat(jdbc.sql("SELECT actor FROM ledger WHERE entry_type = 'FINDING_EXPLAINED' AND subject = 'finding:f-gap-d7'")
                .query(String.class).list()).containsExactly(STAFF);
    }

    @Test
    void anActivityTimelineShowsItsDevicesAndCoverageZoomsExportsAndExplainsFromThere() {
        // given an activity of device DA3 with an unexplained gap inside its window, the coverage the continuity
        // analysis stored for it, and a gap of another device at the same time
        if (jdbc.sql("SELECT COUNT(*) FROM activities WHERE id = 'ACT-A3'").query(Long.class).single() == 0) {
            long dump = dump("DA3", "OA3");
            recording(dump, "DA3", "OA3", "DA3CLIP1.MP4", "2026-07-01T10:00:00+08:00");
            recording(dump, "DA3", "OA3", "DA3CLIP2.MP4", "2026-07-01T10:30:00+08:00");
            jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at, coverage_percent) "
                            + "VALUES ('ACT-A3', 'CASE-A3', ?, ?, 'DA3', 'OA3', ?, 41.7)")
                    .params(at("2026-07-01T10:00:00+08:00"), at("2026-07-01T11:00:00+08:00"), at("2026-07-02T00:00:00Z"))
                    .update();
            gap("f-gap-a3", "DA3", "ACT-A3", "2026-07-01T10:05:00+08:00", "2026-07-01T10:30:00+08:00");
            gap("f-gap-other", "DA9", null, "2026-07-01T10:10:00+08:00", "2026-07-01T10:20:00+08:00");
        }
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when the activity's page is opened, zoomed to another day, exported, and the gap explained from it
        String before = staff.get("/evidence/timeline/activity?activity=ACT-A3&lang=en").body();
        String otherDay = staff.get("/evidence/timeline/activity?activity=ACT-A3&from=2026-07-02&to=2026-07-02").body();
        String list = staff.get("/evidence/timeline/activity").body();
        HttpResponse<String> explained = staff.submit("/evidence/findings/f-gap-a3/explain", Map.of("reason", "WEATHER",
                "note", "cloudburst", "activity", "ACT-A3", "from", "2026-07-01"));
        String after = staff.get("/evidence/timeline/activity?activity=ACT-A3&lang=en").body();
        String json = staff.get("/evidence/timeline/report.json?activity=ACT-A3").body();
        HttpResponse<byte[]> pdf = staff.bytes("/evidence/timeline/report.pdf?activity=ACT-A3");
        HttpResponse<byte[]> interruptions = staff.bytes("/evidence/timeline/activity/interruptions.pdf?activity=ACT-A3");
        HttpResponse<byte[]> interruptionsOfNone = staff.bytes("/evidence/timeline/activity/interruptions.pdf?activity=ACT-NONE");
        HttpResponse<String> unknown = staff.get("/evidence/timeline/activity?activity=ACT-NONE");
        HttpResponse<String> traversal = staff.get("/evidence/timeline/activity?activity=..%2F..%2Fetc%2Fpasswd");
        HttpResponse<String> traversalExport = staff.get("/evidence/timeline/report.csv?activity=..%2Fetc");

        // then only its device's lane and gap are shown, highlighted until explained, with its coverage; the explained
        // gap changes colour, its explanation is in the activity's JSON, and bad ids name nothing
        assertThat(before).contains("<svg").contains("gap unexplained").contains("data-finding=\"f-gap-a3\"")
                .doesNotContain("f-gap-other").contains("id=\"activity-coverage\">41.7 %<")
                .contains("1 unexplained finding(s) shown").contains("report.json?activity=ACT-A3");
        assertThat(otherDay).doesNotContain("data-finding=\"f-gap-a3\"");
        assertThat(list).contains("data-activity=\"ACT-A3\"").contains("41.7 %");
        assertThat(explained.statusCode()).isEqualTo(302);
        assertThat(explained.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).contains("/evidence/timeline/activity?activity=ACT-A3&from=2026-07-01"));
        assertThat(after).contains("gap explained").doesNotContain("gap unexplained");
        assertThat(json).contains("f-gap-a3").contains("WEATHER").contains("cloudburst").contains("DA3CLIP1.MP4")
                .doesNotContain("f-gap-other");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("gap-report-ACT-A3.pdf"));
        // and the leader's report of the activity (Art. 11) lists the gap with its explanation, in the page's language
        assertThat(after).contains("interruptions.pdf?activity=ACT-A3");
        assertThat(interruptions.statusCode()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(interruptions.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Interruptions during")
                    .contains("f-gap-a3").contains("cloudburst").doesNotContain("f-gap-other");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(interruptionsOfNone.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(traversal.statusCode()).isEqualTo(404);
        assertThat(traversalExport.statusCode()).isEqualTo(404);
    }

    private void gap(String id, String device, String activity, String start, String end) {
        jdbc.sql("INSERT INTO findings (id, kind, device_id, start_at, end_at, seconds, activity_id, detail, raised_at) "
                        + "VALUES (?, 'GAP', ?, ?, ?, 600.0, ?, 'gap in the activity', ?)")
                .params(id, device, at(start), at(end), activity, at("2026-07-02T00:00:00Z"))
                .update();
    }
}
