package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Access history is private (issue 20, point 2): who looked at which footage and why is for evidence staff and auditors. */
class EvidencePrivacyTests extends AbstractEvidenceTests {

    private static final String OTHER = "paz";
    // not the shared VIEWER: other classes count her uses and rely on her having no approval for FILE0002
    private static final String WATCHER = "vito";
    private static final String SECRET_REASON = "privacy: internal complaint about officer O7";
    private static final String OWN_REASON = "privacy: a request of pia herself";

    private long recording;
    private long played;

    @BeforeEach
    void vitoHasWatchedARecording() {
        recording = id("FILE0002.MP4");
        if (jdbc.sql("SELECT COUNT(*) FROM console_users WHERE username = ?").param(OTHER).query(Long.class).single() > 0) {
            played = lastPlayByVito();
            return;
        }
        user(OTHER, "VIEWER");
        user(WATCHER, "VIEWER");
        long request = request(WATCHER, SECRET_REASON, "APPROVED", APPROVER);
        request(OTHER, OWN_REASON, "PENDING", null);
        request("esther", "privacy: decided by someone else", "DENIED", "bruno-privacy");
        tx.executeWithoutResult(s -> ledger.append("RECORDING_PLAYED", "recording:" + recording, WATCHER,
                Map.of("request", String.valueOf(request), "file", "FILE0002.MP4")));
        played = lastPlayByVito();
    }

    private long lastPlayByVito() {
        return jdbc.sql("SELECT MAX(seq) FROM ledger WHERE entry_type = 'RECORDING_PLAYED' AND actor = ? AND subject = ?")
                .params(WATCHER, "recording:" + recording).query(Long.class).single();
    }

    @Test
    void aViewerSeesNeitherOthersUsesOnTheRecordingPageNorTheirRequestsInTheRegister() {
        // given another viewer's session and an evidence clerk's
        ConsoleClient pia = new ConsoleClient(base()).signedIn(OTHER, PASSWORD);
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        long seq = played;

        // when each opens the recording page, the register (also asking for vito's), its CSV and the requests page
        String piaRecording = pia.get("/evidence/recordings/" + recording).body();
        String piaRegister = pia.get("/evidence/register?user=" + WATCHER).body();
        String piaCsv = pia.get("/evidence/register.csv").body();
        String piaRequests = pia.get("/evidence/requests").body();
        String staffRecording = staff.get("/evidence/recordings/" + recording).body();
        String staffRegister = staff.get("/evidence/register?user=" + WATCHER).body();

        // then the viewer sees only her own, the clerk sees everyone's
        assertThat(piaRecording).doesNotContain("data-seq=\"" + seq + "\"");
        assertThat(piaRegister).doesNotContain(SECRET_REASON).contains(OWN_REASON);
        assertThat(piaCsv).doesNotContain(SECRET_REASON).doesNotContain("RECORDING_PLAYED").contains(OWN_REASON);
        assertThat(piaRequests).doesNotContain(SECRET_REASON).contains(OWN_REASON);
        assertThat(staffRecording).contains("data-seq=\"" + seq + "\"");
        assertThat(staffRegister).contains(SECRET_REASON).contains("data-type=\"RECORDING_PLAYED\"");
    }

    @Test
    void anApproverSeesWhatWaitsForADecisionAndWhatTheyDecidedButNotOthersUses() {
        // given the approver's session
        ConsoleClient april = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);

        // when she opens the requests page, the register and the recording page
        String requests = april.get("/evidence/requests").body();
        String register = april.get("/evidence/register").body();
        String page = april.get("/evidence/recordings/" + recording).body();

        // then she sees the pending request and the one she decided, not one decided by another, nor vito's play
        assertThat(requests).contains(OWN_REASON, SECRET_REASON).doesNotContain("privacy: decided by someone else");
        assertThat(register).contains(SECRET_REASON).doesNotContain("data-type=\"RECORDING_PLAYED\"");
        assertThat(page).doesNotContain("data-seq=\"" + played + "\"");
    }

    private long request(String requester, String reason, String status, String decidedBy) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, reason, valid_from, valid_until, status, "
                        + "requested_at, decided_by) VALUES ('INTERNAL', ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(requester, String.valueOf(recording), reason, now.minusHours(1), now.plusDays(1), status, now, decidedBy)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM access_requests WHERE reason = ?").param(reason).query(Long.class).single();
    }
}
