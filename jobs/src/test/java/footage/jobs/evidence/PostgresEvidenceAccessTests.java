package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access-request flow on a real PostgreSQL catalog (a fresh database, see TestDatabases): the access_requests
 * table (V70) with its identity keys and time zones, the decision rules, the ledger entries, the register.
 */
class PostgresEvidenceAccessTests extends AbstractPostgresEvidenceTests {

    @Autowired
    AccessRequests requests;

    @Test
    void requestApproveDownloadAndAnExternalRequestForTheBureauHeadOnPostgres() {
        // given a catalog on PostgreSQL, a viewer, and an approver with bureau-head scope
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        user("pia", "VIEWER");
        user("pablo", "APPROVER");
        jdbc.sql("INSERT INTO console_user_roles (username, role) VALUES ('pablo', 'BUREAU_HEAD')").update();
        long file = id("FILE0001.MP4");
        LocalDate today = LocalDate.now(footage.deviceZone());
        ConsoleClient pia = new ConsoleClient(base()).signedIn("pia", PASSWORD);
        ConsoleClient department = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);
        ConsoleClient bureau = new ConsoleClient(base()).signedIn("pablo", PASSWORD);
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when pia files a request that the department head approves, downloads all and part of the file, and a clerk
        // files an external request that the department head, then the bureau head, approve
        HttpResponse<byte[]> before = pia.bytes("/evidence/recordings/" + file + "/download");
        pia.submit("/evidence/requests", Map.of("recordings", String.valueOf(file), "reason", "信访核查 2026-12",
                "from", today.toString(), "until", today.toString()));
        long internal = jdbc.sql("SELECT MAX(id) FROM access_requests WHERE requester = 'pia'").query(Long.class).single();
        department.submit("/evidence/requests/" + internal + "/approve", Map.of("comment", "同意调阅"));
        HttpResponse<byte[]> whole = pia.bytes("/evidence/recordings/" + file + "/download");
        HttpResponse<byte[]> middle = pia.bytes("/evidence/recordings/" + file + "/download", "Range", "bytes=500-1499");
        staff.upload("/evidence/requests/external", Map.of("agencyType", "PROCURATORATE", "agencyName", "海淀区人民检察院",
                        "letterRef", "京海检调〔2026〕3号", "case", "CASE-42", "reason", "检察调阅 2026-3",
                        "from", today.toString(), "until", today.toString()),
                "letter", "letter.pdf", letterPdf("京海检调〔2026〕3号"));
        long external = jdbc.sql("SELECT MAX(id) FROM access_requests WHERE kind = 'EXTERNAL'").query(Long.class).single();
        department.submit("/evidence/requests/" + external + "/approve", Map.of("comment", "部门同意"));
        String afterDepartment = status(external);
        bureau.submit("/evidence/requests/" + external + "/approve", Map.of("comment", "局长同意"));
        // (the whole register is for evidence staff and auditors)
        String csv = staff.get("/evidence/register.csv?user=pia").body();

        // then access opened only after approval, with ranges; each decision, refusal and use is ledgered, and the
        // register lists pia's request and download; the case request covers the case's recording
        assertThat(before.statusCode()).isEqualTo(403);
        assertThat(status(internal)).isEqualTo("APPROVED");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(CONTENT);
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 500, 1500));
        assertThat(afterDepartment).isEqualTo("PENDING");
        assertThat(status(external)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT entry_type || ' ' || actor FROM ledger WHERE subject IN (?, ?) ORDER BY seq")
                .params(AccessRequests.subject(internal), AccessRequests.subject(external)).query(String.class).list())
                .containsExactly("ACCESS_REQUESTED pia", "ACCESS_APPROVED " + APPROVER, "ACCESS_REQUESTED " + STAFF,
                        "ACCESS_DECISION_REFUSED " + APPROVER, "ACCESS_APPROVED pablo");
        assertThat(jdbc.sql("SELECT entry_type FROM ledger WHERE actor = 'pia' AND subject = ? ORDER BY seq")
                .param("recording:" + file).query(String.class).list())
                .containsExactly("ACCESS_REFUSED", "RECORDING_DOWNLOADED", "RECORDING_DOWNLOADED");
        assertThat(jdbc.sql("SELECT letter_type || ' ' || letter_size FROM access_requests WHERE id = ?").param(external)
                .query(String.class).single()).isEqualTo("PDF " + letterPdf("京海检调〔2026〕3号").length);
        assertThat(csv).contains("\"request\",\"" + internal + "\"").contains("信访核查 2026-12")
                .contains("\"RECORDING_DOWNLOADED\",\"pia\"").doesNotContain("检察调阅");
        assertThat(requests.covering(STAFF, id("FILE0003.MP4"))).hasValue(external);
        assertThat(csv).contains("\"APPROVED\",\"" + APPROVER + "\",\"同意调阅\"");
    }

    private String status(long request) {
        return jdbc.sql("SELECT status FROM access_requests WHERE id = ?").param(request).query(String.class).single();
    }
}
