package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** External requests (Art. 17) with an uploaded letter: typed by content, size-limited, hashed, stored, ledgered. */
class EvidenceExternalTests extends AbstractEvidenceTests {

    @Test
    void aPdfLetterIsTypedByContentHashedStoredAndLedgeredWhateverItsName() throws Exception {
        // given an evidence clerk's session and a PDF named like a text file with a traversal in it
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        byte[] pdf = letterPdf("court letter");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        // when the external request is filed with it
        HttpResponse<String> r = staff.upload("/evidence/requests/external", fields("court letter 2026-9"), "letter",
                "../../../letter.txt", pdf);

        // then it is stored under its hash as a PDF, the row and the ledger entry carry the hash, the register lists it
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT letter_type || ' ' || letter_sha256 || ' ' || kind FROM access_requests WHERE reason = ?")
                .param("court letter 2026-9").query(String.class).single()).isEqualTo("PDF " + sha + " EXTERNAL");
        assertThat(footage.home().resolve("letters").resolve(sha + ".pdf")).hasBinaryContent(pdf);
        assertThat(Files.exists(footage.home().resolveSibling("letter.txt"))).isFalse();
        assertThat(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'ACCESS_REQUESTED' AND payload LIKE ?")
                .param("%" + sha + "%").query(String.class).list()).hasSize(1);
        assertThat(staff.get("/evidence/register").body()).contains("court letter 2026-9").contains("EXTERNAL");
    }

    @Test
    void aLetterThatIsNotAPdfOrImageByContentOrIsTooLargeIsRefused() {
        // given an evidence clerk's session, a text file named .pdf and an oversized PNG
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        byte[] text = "this is not a pdf".getBytes(StandardCharsets.US_ASCII);
        byte[] png = new byte[Letter.LIMIT + 10_000];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);

        // when both are uploaded, and a viewer tries to file an external request
        HttpResponse<String> fake = staff.upload("/evidence/requests/external", fields("fake letter"), "letter", "letter.pdf", text);
        HttpResponse<String> large = staff.upload("/evidence/requests/external", fields("large letter"), "letter", "scan.png", png);
        HttpResponse<String> byViewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD)
                .upload("/evidence/requests/external", fields("viewer letter"), "letter", "l.pdf", letterPdf("viewer letter"));

        // then no request is filed for any of them
        assertThat(fake.statusCode()).isEqualTo(302);
        assertThat(large.statusCode()).isEqualTo(302);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_requests WHERE reason IN ('fake letter', 'large letter', 'viewer letter')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anExternalRequestIsDecidedOnlyByAnApproverWithBureauHeadScopeWhichTheAdministratorGives() {
        // given an external request filed by a clerk, a department-head approver, and an approver without scope yet
        user("edgar", "EVIDENCE_STAFF");
        user("bruno", "APPROVER");
        ConsoleClient clerk = new ConsoleClient(base()).signedIn("edgar", PASSWORD);
        clerk.upload("/evidence/requests/external", fields("procuratorate letter 2026-31"), "letter", "letter.pdf",
                letterPdf("procuratorate"));
        long request = jdbc.sql("SELECT id FROM access_requests WHERE reason = ?").param("procuratorate letter 2026-31")
                .query(Long.class).single();
        ConsoleClient department = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);
        ConsoleClient bruno = new ConsoleClient(base()).signedIn("bruno", PASSWORD);
        ConsoleClient admin = new ConsoleClient(base()).signedIn("admin", "admin-password-for-tests");

        // when the department head approves and denies it, bruno approves it, the administrator tries bureau scope
        // without the approver role, then gives bruno bureau scope on the users page, and bruno approves again
        department.submit("/evidence/requests/" + request + "/approve", Map.of("comment", "department says yes"));
        department.submit("/evidence/requests/" + request + "/deny", Map.of("comment", "department says no"));
        String refusedPage = department.get("/evidence/requests").body();
        bruno.submit("/evidence/requests/" + request + "/approve", Map.of("comment", "not yet bureau head"));
        String statusBefore = status(request);
        admin.submitPairs("/users/bruno", "roles", "BUREAU_HEAD", "enabled", "true");
        List<String> rolesAlone = roles("bruno");
        admin.submitPairs("/users/bruno", "roles", "APPROVER", "roles", "BUREAU_HEAD", "enabled", "true");
        HttpResponse<String> approved = bruno.submit("/evidence/requests/" + request + "/approve", Map.of("comment", "bureau head approves"));

        // then only the approver with bureau scope decided it; each refused decision is in the ledger, and the register shows all
        assertThat(statusBefore).isEqualTo("PENDING");
        assertThat(refusedPage).contains("bureau-head scope");
        assertThat(rolesAlone).containsExactly("APPROVER");
        assertThat(roles("bruno")).containsExactlyInAnyOrder("APPROVER", "BUREAU_HEAD");
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(status(request)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT decided_by FROM access_requests WHERE id = ?").param(request).query(String.class).single())
                .isEqualTo("bruno");
        assertThat(jdbc.sql("SELECT actor || ' ' || payload FROM ledger WHERE entry_type = 'ACCESS_DECISION_REFUSED' "
                        + "AND subject = ? ORDER BY seq").param(AccessRequests.subject(request)).query(String.class).list())
                .containsExactly(APPROVER + " {\"decision\":\"APPROVE\",\"why\":\"evidence.request.refused.scope\"}",
                        APPROVER + " {\"decision\":\"DENY\",\"why\":\"evidence.request.refused.scope\"}",
                        "bruno {\"decision\":\"APPROVE\",\"why\":\"evidence.request.refused.scope\"}");
        assertThat(jdbc.sql("SELECT actor FROM ledger WHERE entry_type = 'ACCESS_APPROVED' AND subject = ?")
                .param(AccessRequests.subject(request)).query(String.class).list()).containsExactly("bruno");
        assertThat(admin.get("/evidence/register?user=" + APPROVER).body()).contains("data-type=\"ACCESS_DECISION_REFUSED\"");
    }

    private String status(long request) {
        return jdbc.sql("SELECT status FROM access_requests WHERE id = ?").param(request).query(String.class).single();
    }

    private List<String> roles(String user) {
        return jdbc.sql("SELECT role FROM console_user_roles WHERE username = ?").param(user).query(String.class).list();
    }

    private static Map<String, String> fields(String reason) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("agencyType", "COURT");
        f.put("agencyName", "Haidian District People's Court");
        f.put("contact", "Judge Li, 010-1234");
        f.put("letterRef", "(2026) Jing 0108 No. 17");
        f.put("case", "CASE-42");
        f.put("reason", reason);
        f.put("from", "2026-11-01");
        f.put("until", "2026-12-31");
        return f;
    }
}
