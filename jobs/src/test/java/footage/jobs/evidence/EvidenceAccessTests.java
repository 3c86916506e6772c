package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Access requests (Art. 16/17) and what they open, over plain HTTP: refusals, approval, Range downloads, the ledger. */
class EvidenceAccessTests extends AbstractEvidenceTests {

    @Test
    void aViewerWithoutAnApprovedRequestIsRefusedAndTheRefusalIsLedgered() {
        // given a viewer's session and a recording nobody asked for
        ConsoleClient viewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);
        long id = id("FILE0002.MP4");

        // when the viewer plays and downloads it
        HttpResponse<byte[]> play = viewer.bytes("/evidence/recordings/" + id + "/play");
        HttpResponse<byte[]> download = viewer.bytes("/evidence/recordings/" + id + "/download");

        // then both are refused and both refusals are in the ledger
        assertThat(play.statusCode()).isEqualTo(403);
        assertThat(download.statusCode()).isEqualTo(403);
        // (other classes' users use the same catalog: only this user's entries count)
        assertThat(ledgerActors("ACCESS_REFUSED", "recording:" + id)).filteredOn(VIEWER::equals).hasSize(2);
    }

    @Test
    void anApprovedRequestOpensTheRecordingWithRangesAndEveryUseIsLedgered() {
        // given a request filed by the viewer and approved by an approver with a comment
        ConsoleClient viewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);
        ConsoleClient approver = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);
        long id = id("FILE0001.MP4");
        LocalDate today = LocalDate.now(footage.deviceZone());
        HttpResponse<String> filed = viewer.submit("/evidence/requests", Map.of("recordings", String.valueOf(id),
                "reason", "complaint 2026-17", "from", today.toString(), "until", today.plusDays(1).toString()));
        assertThat(filed.statusCode()).isEqualTo(302);
        long request = jdbc.sql("SELECT MAX(id) FROM access_requests WHERE requester = ?").param(VIEWER).query(Long.class).single();
        HttpResponse<String> byRequester = viewer.submit("/evidence/requests/" + request + "/approve", Map.of("comment", "me"));
        HttpResponse<String> approved = approver.submit("/evidence/requests/" + request + "/approve", Map.of("comment", "ok, department head"));

        // when the viewer downloads the whole file, then the middle of it, then plays it
        HttpResponse<byte[]> whole = viewer.bytes("/evidence/recordings/" + id + "/download");
        HttpResponse<byte[]> middle = viewer.bytes("/evidence/recordings/" + id + "/download", "Range", "bytes=40000-40999");
        HttpResponse<byte[]> play = viewer.bytes("/evidence/recordings/" + id + "/play");

        // then only the approver could approve, the bytes are the original's, and each use names the request
        assertThat(byRequester.statusCode()).isEqualTo(403);
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(CONTENT);
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 40000-40999/" + CONTENT.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 40000, 41000));
        assertThat(play.statusCode()).isEqualTo(200);
        assertThat(ledgerActors("ACCESS_APPROVED", AccessRequests.subject(request))).containsExactly(APPROVER);
        assertThat(ledgerActors("RECORDING_DOWNLOADED", "recording:" + id)).filteredOn(VIEWER::equals).hasSize(2);
        assertThat(ledgerActors("RECORDING_PLAYED", "recording:" + id)).filteredOn(VIEWER::equals).hasSize(1);
        assertThat(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'RECORDING_PLAYED' AND actor = ?").param(VIEWER)
                .query(String.class).list()).singleElement().asString().contains("\"request\":\"" + request + "\"");
        assertThat(viewer.get("/evidence/requests").body()).contains("data-status=\"APPROVED\"").contains("ok, department head");
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        assertThat(staff.get("/evidence/register").body()).contains("data-type=\"RECORDING_DOWNLOADED\"")
                .contains("data-type=\"RECORDING_PLAYED\"").contains("complaint 2026-17");
        assertThat(staff.get("/evidence/register.csv").body()).contains("\"RECORDING_DOWNLOADED\",\"" + VIEWER + "\"")
                .contains("\"complaint 2026-17\",\"APPROVED\",\"" + APPROVER + "\"");
    }

    @Test
    void anExpiredApprovalBlocksAccessAgain() {
        // given an approval for a case whose period ended yesterday
        long id = id("FILE0003.MP4");
        approvedRequest(VIEWER, null, "CASE-42", OffsetDateTime.now().minusDays(3), OffsetDateTime.now().minusDays(1));
        ConsoleClient viewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);

        // when the viewer downloads a recording of that case
        HttpResponse<byte[]> r = viewer.bytes("/evidence/recordings/" + id + "/download");

        // then access is refused and the refusal ledgered
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(ledgerActors("ACCESS_REFUSED", "recording:" + id)).contains(VIEWER);
    }

    @Test
    void pathTraversalIsRefusedInParametersAndInCataloguedPaths() {
        // given a clerk with an approved request for a recording whose catalogued path leads out of the archive
        long id = recording(dump("D6", "O6"), "D6", "O6", "EVIL0001.MP4", "2026-05-01T10:00:00+08:00");
        jdbc.sql("UPDATE recordings SET archive_path = '../../../../../../etc/passwd' WHERE id = ?").param(id).update();
        approvedRequest(STAFF, String.valueOf(id), null, OffsetDateTime.now().minusDays(1), OffsetDateTime.now().plusDays(1));
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when it is downloaded, and a traversal is put in the id
        HttpResponse<byte[]> evil = staff.bytes("/evidence/recordings/" + id + "/download");
        HttpResponse<byte[]> inId = staff.bytes("/evidence/recordings/..%2F..%2Fetc%2Fpasswd/download");
        HttpResponse<byte[]> dotted = staff.bytes("/evidence/recordings/1/../../../etc/passwd");

        // then nothing is served and the refusal is ledgered
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(new String(evil.body())).doesNotContain("root:");
        assertThat(ledgerActors("ACCESS_REFUSED", "recording:" + id)).containsExactly(STAFF);
        assertThat(inId.statusCode()).isIn(400, 404);
        assertThat(dotted.statusCode()).isIn(302, 400, 403, 404);
        assertThat(new String(dotted.body())).doesNotContain("root:");
    }

    @Test
    void anApproverCannotDecideTheirOwnRequestAndTheRefusalIsLedgered() {
        // given a request the department-head approver filed for themself
        ConsoleClient approver = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);
        LocalDate today = LocalDate.now(footage.deviceZone());
        approver.submit("/evidence/requests", Map.of("recordings", String.valueOf(id("FILE0002.MP4")),
                "reason", "own request 2026-5", "from", today.toString(), "until", today.toString()));
        long request = jdbc.sql("SELECT id FROM access_requests WHERE reason = 'own request 2026-5'").query(Long.class).single();
        approver.get("/evidence/requests"); // shows (and so uses up) the notice that it was filed

        // when they approve it
        HttpResponse<String> approved = approver.submit("/evidence/requests/" + request + "/approve", Map.of("comment", "mine"));

        // then it stays pending, the page says why, and the refused decision is in the ledger
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status FROM access_requests WHERE id = ?").param(request).query(String.class).single())
                .isEqualTo("PENDING");
        assertThat(approver.get("/evidence/requests").body()).contains("nobody decides their own request");
        assertThat(payloads("ACCESS_DECISION_REFUSED", AccessRequests.subject(request)))
                .containsExactly("{\"decision\":\"APPROVE\",\"why\":\"evidence.request.refused.own\"}");
        assertThat(ledgerActors("ACCESS_APPROVED", AccessRequests.subject(request))).isEmpty();
    }

    @Test
    void aCaseRequestCoversTheRecordingsOfItsDevicesThatOverlapTheActivityWindow() {
        // given an activity on device D4 from 10:30 to 12:00, recordings of 300 s on D4 and D5 around it, and a
        // clerk's approved request for the case
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) "
                        + "VALUES ('ACT-49', 'CASE-49', ?, ?, 'D3,D4', 'O4', ?)")
                .params(at("2025-06-01T10:30:00+08:00"), at("2025-06-01T12:00:00+08:00"), at("2025-06-02T00:00:00Z")).update();
        long dump = dump("D4", "O4");
        long runningIn = recording(dump, "D4", "O4", "OVL00001.MP4", "2025-06-01T10:28:00+08:00");
        long endedBefore = recording(dump, "D4", "O4", "OVL00002.MP4", "2025-06-01T10:20:00+08:00");
        long inside = recording(dump, "D4", "O4", "OVL00003.MP4", "2025-06-01T11:59:00+08:00");
        long startsAtEnd = recording(dump, "D4", "O4", "OVL00004.MP4", "2025-06-01T12:00:00+08:00");
        long otherDevice = recording(dump("D5", "O5"), "D5", "O5", "OVL00005.MP4", "2025-06-01T11:00:00+08:00");
        approvedRequest("cora", null, "CASE-49", OffsetDateTime.now().minusDays(1), OffsetDateTime.now().plusDays(1));

        // when access is checked for each
        List<Long> covered = java.util.stream.Stream.of(runningIn, endedBefore, inside, startsAtEnd, otherDevice)
                .filter(r -> requests.covering("cora", r).isPresent()).toList();

        // then the recording that started before the arrival and ran into the action is covered too
        assertThat(covered).containsExactly(runningIn, inside);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AccessRequests requests;

    private void approvedRequest(String requester, String recordings, String caseRef, OffsetDateTime from, OffsetDateTime until) {
        jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, case_ref, reason, valid_from, valid_until, status, "
                        + "requested_at, decided_by, decided_at, decision_comment) "
                        + "VALUES ('INTERNAL', ?, ?, ?, 'test', ?, ?, 'APPROVED', ?, ?, ?, 'test')")
                .params(requester, recordings, caseRef, from, until, from, APPROVER, from).update();
    }

    private List<String> ledgerActors(String type, String subject) {
        return jdbc.sql("SELECT actor FROM ledger WHERE entry_type = ? AND subject = ? ORDER BY seq").params(type, subject)
                .query(String.class).list();
    }

    private List<String> payloads(String type, String subject) {
        return jdbc.sql("SELECT payload FROM ledger WHERE entry_type = ? AND subject = ? ORDER BY seq").params(type, subject)
                .query(String.class).list();
    }
}
