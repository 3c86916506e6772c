package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Separation of duties (issue 20, point 1): the administrator runs the system, never the evidence work, and is watched doing it. */
class EvidenceDutiesTests extends AbstractEvidenceTests {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @Test
    void anAdministratorHoldsNoEvidenceRoleNeitherForAnotherAccountNorForThemselves() {
        // given the administrator's session
        ConsoleClient admin = new ConsoleClient(base()).signedIn(ADMIN, ADMIN_PASSWORD);

        // when they create an administrator-approver, and give themselves approver and bureau-head rights
        admin.submitPairs("/users", "username", "shadow", "password", PASSWORD, "roles", "ADMIN", "roles", "APPROVER",
                "roles", "BUREAU_HEAD");
        String created = admin.get("/users?lang=en").body();
        admin.submitPairs("/users/" + ADMIN, "roles", "ADMIN", "roles", "APPROVER", "roles", "BUREAU_HEAD", "enabled", "true");

        // then neither happened, and the page said why
        assertThat(created).contains("holds none of the evidence roles");
        assertThat(roles("shadow")).isEmpty();
        assertThat(roles(ADMIN)).containsExactly("ADMIN");
    }

    @Test
    void anAdministratorNeitherFilesNorDecidesRequests() {
        // given the administrator's session, an old account that is administrator and approver at once, and a pending request
        ConsoleClient admin = new ConsoleClient(base()).signedIn(ADMIN, ADMIN_PASSWORD);
        user("oldboss", "ADMIN");
        jdbc.sql("INSERT INTO console_user_roles (username, role) VALUES ('oldboss', 'APPROVER')").update();
        ConsoleClient oldboss = new ConsoleClient(base()).signedIn("oldboss", PASSWORD);
        LocalDate today = LocalDate.now(footage.deviceZone());
        long pending = pendingRequest("dan", "duties: pending");

        // when the administrator files an internal and an external request and approves, and the old account approves
        HttpResponse<String> internal = admin.submit("/evidence/requests", Map.of("recordings", String.valueOf(id("FILE0001.MP4")),
                "reason", "duties: admin files", "from", today.toString(), "until", today.toString()));
        HttpResponse<String> external = admin.upload("/evidence/requests/external", Map.of("agencyType", "COURT",
                        "agencyName", "court", "letterRef", "ref", "case", "CASE-42", "reason", "duties: admin files external",
                        "from", today.toString(), "until", today.toString()), "letter", "l.pdf",
                letterPdf("admin letter"));
        HttpResponse<String> approveByAdmin = admin.submit("/evidence/requests/" + pending + "/approve", Map.of("comment", "admin"));
        oldboss.submit("/evidence/requests/" + pending + "/approve", Map.of("comment", "old boss"));

        // then the administrator is refused at the door, the old account by the rules, and nothing was filed or decided
        assertThat(internal.statusCode()).isEqualTo(403);
        assertThat(external.statusCode()).isEqualTo(403);
        assertThat(approveByAdmin.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_requests WHERE reason LIKE 'duties: admin%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM access_requests WHERE id = ?").param(pending).query(String.class).single())
                .isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'ACCESS_DECISION_REFUSED' AND actor = 'oldboss'")
                .query(String.class).list()).singleElement().asString().contains("evidence.request.refused.admin");
        assertThat(admin.get("/evidence/requests").body()).doesNotContain("id=\"request-form\"", "id=\"external-form\"");
        // and the users page points the old account out
        assertThat(admin.get("/users?lang=en").body()).containsPattern("data-user=\"oldboss\"[^>]*>\\s*<td><span>oldboss</span>"
                + "\\s*<br><span class=\"badge st-FAILED mixed-duties\">Administrator and evidence roles at once");
    }

    @Test
    void everyUserChangeIsLedgeredWithItsActorAndWhatWasGranted() {
        // given the administrator's session
        ConsoleClient admin = new ConsoleClient(base()).signedIn(ADMIN, ADMIN_PASSWORD);

        // when they create a viewer, make her an approver, disable her and set her password
        admin.submitPairs("/users", "username", "wendy", "password", PASSWORD, "roles", "VIEWER");
        admin.submitPairs("/users/wendy", "roles", "APPROVER", "enabled", "true");
        admin.submitPairs("/users/wendy", "roles", "APPROVER");
        admin.submitPairs("/users/wendy/password", "password", "quiet-river-under-moon");

        // then each change is an entry naming the administrator, the role change with what it granted and took
        List<String> entries = jdbc.sql("SELECT entry_type || ' ' || actor || ' ' || payload FROM ledger WHERE subject = 'user:wendy' "
                + "ORDER BY seq").query(String.class).list();
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0)).startsWith("USER_CREATED admin ").contains("\"granted\":[\"VIEWER\"]");
        assertThat(entries.get(1)).startsWith("USER_CHANGED admin ").contains("\"granted\":[\"APPROVER\"]", "\"revoked\":[\"VIEWER\"]");
        assertThat(entries.get(2)).startsWith("USER_CHANGED admin ").contains("\"enabled\":false");
        assertThat(entries.get(3)).startsWith("USER_PASSWORD_SET admin ");
    }

    @Test
    void theAuditPageFlagsApprovalsByAccountsMadeApproversWithinSevenDaysAndWhoMadeThem() {
        // given an approver the administrator just made, and the long-standing approver
        ConsoleClient admin = new ConsoleClient(base()).signedIn(ADMIN, ADMIN_PASSWORD);
        admin.submitPairs("/users", "username", "newton", "password", PASSWORD, "roles", "APPROVER");
        ConsoleClient newton = new ConsoleClient(base()).signedIn("newton", PASSWORD);
        ConsoleClient april = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);
        long first = pendingRequest("dan", "duties: fresh approver");
        long second = pendingRequest("dan", "duties: old approver");

        // when each approves one
        newton.submit("/evidence/requests/" + first + "/approve", Map.of("comment", "fine"));
        april.submit("/evidence/requests/" + second + "/approve", Map.of("comment", "fine"));

        // then the audit page flags the new approver's approval, naming who made him one, and not the other
        String audit = new ConsoleClient(base()).signedIn(STAFF, PASSWORD).get("/evidence/audit").body();
        assertThat(audit).contains("id=\"fresh-approvals\"")
                .contains("data-approver=\"newton\" data-granted-by=\"admin\"")
                .contains(AccessRequests.subject(first))
                .doesNotContain("data-approver=\"" + APPROVER + "\"");
    }

    private long pendingRequest(String requester, String reason) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, reason, valid_from, valid_until, status, requested_at) "
                        + "VALUES ('INTERNAL', ?, ?, ?, ?, ?, 'PENDING', ?)")
                .params(requester, String.valueOf(id("FILE0001.MP4")), reason, now.minusHours(1), now.plusDays(1), now).update();
        return jdbc.sql("SELECT MAX(id) FROM access_requests WHERE reason = ?").param(reason).query(Long.class).single();
    }

    private List<String> roles(String user) {
        return jdbc.sql("SELECT role FROM console_user_roles WHERE username = ? ORDER BY role").param(user).query(String.class).list();
    }
}
