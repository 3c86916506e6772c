package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access register: every request and every use (who, what, why, when), filtered by user, recording, request kind
 * and status and time; the CSV and PDF exports hold what the page shows for the same filter.
 */
class EvidenceRegisterTests extends AbstractEvidenceTests {

    private static final Pattern REQUEST_ROW = Pattern.compile("data-request=\"(\\d+)\"");
    private static final Pattern USE_ACTOR = Pattern.compile("data-type=\"([A-Z_]+)\" data-actor=\"([^\"]*)\"");

    @Test
    void theRegisterFiltersByUserRecordingKindStatusAndTimeAndItsExportsHoldTheSameRows() throws Exception {
        // given rhea's approved request and her download of FILE0001, ruth's refused play of FILE0002, ruth's pending
        // request whose reason a spreadsheet would take for a formula, and an external request filed by a clerk
        user("rhea", "VIEWER");
        user("ruth", "VIEWER");
        user("rolf", "EVIDENCE_STAFF");
        LocalDate today = LocalDate.now(footage.deviceZone());
        long file1 = id("FILE0001.MP4");
        long file2 = id("FILE0002.MP4");
        ConsoleClient rhea = new ConsoleClient(base()).signedIn("rhea", PASSWORD);
        ConsoleClient ruth = new ConsoleClient(base()).signedIn("ruth", PASSWORD);
        ConsoleClient approver = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);
        rhea.submit("/evidence/requests", Map.of("recordings", String.valueOf(file1), "reason", "投诉核查 2026-88",
                "from", today.toString(), "until", today.toString()));
        long rheas = requestOf("rhea");
        approver.submit("/evidence/requests/" + rheas + "/approve", Map.of("comment", "同意"));
        assertThat(rhea.bytes("/evidence/recordings/" + file1 + "/download").statusCode()).isEqualTo(200);
        assertThat(ruth.bytes("/evidence/recordings/" + file2 + "/play").statusCode()).isEqualTo(403);
        ruth.submit("/evidence/requests", Map.of("recordings", String.valueOf(file2), "reason", "=HYPERLINK(\"http://x\")",
                "from", today.toString(), "until", today.toString()));
        long ruths = requestOf("ruth");
        new ConsoleClient(base()).signedIn("rolf", PASSWORD).upload("/evidence/requests/external", Map.of("agencyType", "POLICE",
                        "agencyName", "派出所", "letterRef", "公(2026)12号", "recordings", String.valueOf(file2),
                        "reason", "register external 2026-3", "from", today.toString(), "until", today.toString()),
                "letter", "l.pdf", letterPdf("police letter"));
        long external = requestOf("rolf");

        // when an evidence clerk (the register is whole only for evidence staff and auditors) reads it with each filter
        ConsoleClient clerk = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        String byRhea = clerk.get("/evidence/register?user=rhea").body();
        String byFile2 = clerk.get("/evidence/register?recording=" + file2).body();
        String externalOnly = clerk.get("/evidence/register?kind=EXTERNAL").body();
        String approvedOnly = clerk.get("/evidence/register?status=APPROVED&user=rhea").body();
        String pendingOnly = clerk.get("/evidence/register?status=PENDING&user=rhea").body();
        String yesterday = clerk.get("/evidence/register?user=rhea&from=" + today.minusDays(1) + "&to=" + today.minusDays(1)).body();
        String todayOnly = clerk.get("/evidence/register?user=rhea&from=" + today + "&to=" + today).body();
        String csv = clerk.get("/evidence/register.csv?user=ruth").body();
        HttpResponse<byte[]> pdf = clerk.bytes("/evidence/register.pdf?user=rhea&lang=zh-CN");
        HttpResponse<String> unknownKind = clerk.get("/evidence/register.csv?kind=SECRET");
        String chineseCsv = clerk.get("/evidence/register.csv?user=ruth&lang=zh-CN").body();

        // then each shows only its rows: requests by requester or decider, uses by actor, recording and request
        assertThat(requestIds(byRhea)).containsExactly(rheas);
        assertThat(uses(byRhea)).containsExactlyInAnyOrder("RECORDING_DOWNLOADED rhea", "ACCESS_REQUESTED rhea");
        assertThat(byRhea).contains("投诉核查 2026-88").contains("FILE0001.MP4");
        assertThat(requestIds(byFile2)).contains(ruths, external).doesNotContain(rheas);
        assertThat(uses(byFile2)).contains("ACCESS_REFUSED ruth", "ACCESS_REQUESTED ruth", "ACCESS_REQUESTED rolf")
                .doesNotContain("RECORDING_DOWNLOADED rhea", "ACCESS_REQUESTED rhea");
        assertThat(requestIds(externalOnly)).contains(external).doesNotContain(rheas, ruths);
        assertThat(uses(externalOnly)).contains("ACCESS_REQUESTED rolf").doesNotContain("ACCESS_REFUSED ruth",
                "RECORDING_DOWNLOADED rhea");
        assertThat(requestIds(approvedOnly)).containsExactly(rheas);
        assertThat(uses(approvedOnly)).contains("RECORDING_DOWNLOADED rhea");
        assertThat(requestIds(pendingOnly)).isEmpty();
        assertThat(uses(pendingOnly)).isEmpty();
        assertThat(requestIds(yesterday)).isEmpty();
        assertThat(uses(yesterday)).isEmpty();
        assertThat(requestIds(todayOnly)).containsExactly(rheas);
        assertThat(todayOnly).contains("/evidence/register.pdf?user=rhea&amp;from=" + today + "&amp;to=" + today);

        // and the CSV has ruth's rows only, the formula made inert
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", RegisterExports.CSV_HEADER.stream().map(h -> "\"" + h + "\"").toList()));
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).doesNotContain("rhea"));
        assertThat(csv).contains("\"request\",\"" + ruths + "\"").contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
                .contains("\"ACCESS_REFUSED\",\"ruth\",\"recording:" + file2 + "\"").contains("\"ACCESS_REQUESTED\",\"ruth\"");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        // and a reader of Chinese gets the columns in Chinese, the rows the same
        assertThat(chineseCsv.lines().findFirst().orElseThrow()).startsWith("\"记录\",\"编号\",\"时间\"");
        assertThat(chineseCsv.lines().skip(1).toList()).isEqualTo(lines.subList(1, lines.size()));

        // and the PDF, in Chinese, has rhea's rows with their Chinese text and nobody else's
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("调阅登记簿").contains("投诉核查 2026-88").contains("同意").contains("rhea")
                    .contains("下载").contains("user=rhea").doesNotContain("ruth").doesNotContain("派出所");
        }
    }

    private long requestOf(String requester) {
        return jdbc.sql("SELECT MAX(id) FROM access_requests WHERE requester = ?").param(requester).query(Long.class).single();
    }

    private static List<Long> requestIds(String html) {
        Matcher m = REQUEST_ROW.matcher(html);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static List<String> uses(String html) {
        Matcher m = USE_ACTOR.matcher(html);
        List<String> uses = new java.util.ArrayList<>();
        while (m.find()) {
            uses.add(m.group(1) + " " + m.group(2));
        }
        return uses;
    }
}
