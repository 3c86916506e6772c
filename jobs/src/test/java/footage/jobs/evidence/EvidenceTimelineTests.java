package footage.jobs.evidence;

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
        EvidenceHttp staff = new EvidenceHttp(base()).login(STAFF, PASSWORD);
        EvidenceHttp viewerOnly = new EvidenceHttp(base()).login(VIEWER, PASSWORD);
        String before = staff.get("/evidence/timeline?device=D7&from=2026-03-01&to=2026-03-01").body();

        // when a viewer tries to explain it, then the clerk explains it (Art. 11 reason and note)
        HttpResponse<String> byViewer = viewerOnly.post("/evidence/findings/f-gap-d7/explain",
                Map.of("reason", "WEATHER", "note", "x", "device", "D7"));
        HttpResponse<String> explained = staff.post("/evidence/findings/f-gap-d7/explain",
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
}
