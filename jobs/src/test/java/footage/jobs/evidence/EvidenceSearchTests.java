package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Catalog search and the recording page over plain HTTP. */
class EvidenceSearchTests extends AbstractEvidenceTests {

    @Test
    void aViewerFindsARecordingByOfficerAndReferenceTime() {
        // given a viewer's session
        ConsoleClient viewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);

        // when the catalog is searched for officer O7 on 1 March (reference time, device zone)
        HttpResponse<String> r = viewer.get("/evidence?officer=O7&from=2026-03-01&to=2026-03-01");

        // then only that officer's recording of that day is listed, linked to its page
        assertThat(r.statusCode()).isEqualTo(200);
        List<Long> ids = rows(r.body());
        assertThat(ids).containsExactly(id("FILE0001.MP4"));
        assertThat(r.body()).contains("/evidence/recordings/" + id("FILE0001.MP4"));
    }

    @Test
    void findingKindCaseAndDeviceNarrowTheSearch() {
        // given an evidence clerk's session
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when searched by finding kind, by case number, by device and status, and by an unknown status
        List<Long> byKind = rows(staff.get("/evidence?kind=TRUNCATED").body());
        List<Long> byCase = rows(staff.get("/evidence?case=CASE-42").body());
        List<Long> byActivityOfFinding = rows(staff.get("/evidence?case=ACT-1").body());
        List<Long> byDevice = rows(staff.get("/evidence?device=D7&status=ARCHIVED").body());
        List<Long> unknownStatusIgnored = rows(staff.get("/evidence?device=D7&status=';DROP").body());

        // then each finds exactly its recordings
        assertThat(byKind).containsExactly(id("FILE0001.MP4"));
        assertThat(byCase).containsExactly(id("FILE0003.MP4"));
        assertThat(byActivityOfFinding).containsExactly(id("FILE0001.MP4"));
        assertThat(byDevice).containsExactly(id("FILE0002.MP4"), id("FILE0001.MP4"));
        assertThat(unknownStatusIgnored).isEqualTo(byDevice);
    }

    @Test
    void aCaseSearchFindsARecordingThatStartedBeforeTheActivityAndRanIntoIt() {
        // given an activity of device DS1 from 10:00 to 11:00, a 300 s recording from 09:58 (running into it), one
        // from 09:50 (over before it began) and one of another device inside the window
        if (jdbc.sql("SELECT COUNT(*) FROM activities WHERE id = 'ACT-S1'").query(Long.class).single() == 0) {
            long dump = dump("DS1", "OS1");
            recording(dump, "DS1", "OS1", "DS1EARLY.MP4", "2026-08-01T09:58:00+08:00");
            recording(dump, "DS1", "OS1", "DS1BEFORE.MP4", "2026-08-01T09:50:00+08:00");
            recording(dump("DS2", "OS2"), "DS2", "OS2", "DS2INSIDE.MP4", "2026-08-01T10:10:00+08:00");
            jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) "
                            + "VALUES ('ACT-S1', 'CASE-S1', ?, ?, 'DS1', 'OS1', ?)")
                    .params(at("2026-08-01T10:00:00+08:00"), at("2026-08-01T11:00:00+08:00"), at("2026-08-02T00:00:00Z"))
                    .update();
        }
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when searched by the case
        List<Long> byCase = rows(staff.get("/evidence?case=CASE-S1").body());

        // then only the recording of the activity's device that overlaps the window is found
        assertThat(byCase).containsExactly(id("DS1EARLY.MP4"));
    }

    @Test
    void theRetentionClassNarrowsTheSearchAndIsShownWithEachResult() {
        // given a standard and a permanent recording of one device
        if (jdbc.sql("SELECT COUNT(*) FROM recordings WHERE device_id = 'DA1'").query(Long.class).single() == 0) {
            long dump = dump("DA1", "OA1");
            recording(dump, "DA1", "OA1", "DA1STD01.MP4", "2026-06-01T10:00:00+08:00");
            long permanent = recording(dump, "DA1", "OA1", "DA1PRM01.MP4", "2026-06-01T11:00:00+08:00");
            jdbc.sql("UPDATE recordings SET retention_class = 'PERMANENT', retention_category = 'COMPLEX_CASE' WHERE id = ?")
                    .param(permanent).update();
        }
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when searched by each class, by an unknown one, and by class alone
        HttpResponse<String> permanent = staff.get("/evidence?device=DA1&retention=PERMANENT&lang=en");
        List<Long> standard = rows(staff.get("/evidence?device=DA1&retention=STANDARD").body());
        List<Long> unknownIgnored = rows(staff.get("/evidence?device=DA1&retention=..%2F..%2Fetc").body());
        List<Long> anyPermanent = rows(staff.get("/evidence?retention=PERMANENT").body());

        // then each class finds its recording, linked to its page, and says which class it is
        assertThat(rows(permanent.body())).containsExactly(id("DA1PRM01.MP4"));
        assertThat(permanent.body()).contains("/evidence/recordings/" + id("DA1PRM01.MP4"))
                .contains("class=\"retention\">Permanent<").contains("<option value=\"PERMANENT\" selected=\"selected\"");
        assertThat(standard).containsExactly(id("DA1STD01.MP4"));
        assertThat(unknownIgnored).containsExactly(id("DA1PRM01.MP4"), id("DA1STD01.MP4"));
        assertThat(anyPermanent).contains(id("DA1PRM01.MP4")).doesNotContain(id("DA1STD01.MP4"), id("FILE0001.MP4"));
    }

    @Test
    void resultsArePaged() {
        // given more recordings of one device than fit a page
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when the first and second pages are asked for
        HttpResponse<String> first = staff.get("/evidence?device=D9");
        HttpResponse<String> second = staff.get("/evidence?device=D9&page=2");

        // then the first is full and links to the next, which holds the rest
        assertThat(rows(first.body())).hasSize(EvidenceController.PAGE_SIZE);
        assertThat(first.body()).contains("id=\"page-next\"").contains("device=D9&amp;page=2");
        assertThat(rows(second.body())).hasSize(1);
        assertThat(second.body()).contains("id=\"page-prev\"").doesNotContain("id=\"page-next\"");
    }

    @Test
    void theRecordingPageShowsMetadataFindingsAndLedgerHistory() {
        // given an evidence clerk's session and a recording with a finding and ledger entries
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        long id = id("FILE0001.MP4");

        // when its page is opened
        HttpResponse<String> r = staff.get("/evidence/recordings/" + id);

        // then it shows where it came from, its times and digest, the finding and both ledger entries
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("FILE0001.MP4").contains("2026-03-01 10:00:00").contains(sha("FILE0001.MP4"))
                .contains("data-finding=\"f-trunc\"").contains("ends 12.5 s early")
                .contains("RECORDING_ARCHIVED").contains("FINDING_RAISED").contains("h264");
    }

    @Test
    void operatorsAndStrangersDoNotReachTheCatalogAndUnknownRecordingsAreNotFound() {
        // given an operator's session, no session, and a clerk's session
        ConsoleClient operator = new ConsoleClient(base()).signedIn(OPERATOR, PASSWORD);
        ConsoleClient anonymous = new ConsoleClient(base());
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when each asks for evidence pages
        HttpResponse<String> operatorSearch = operator.get("/evidence");
        HttpResponse<String> anonymousSearch = anonymous.get("/evidence");
        HttpResponse<String> missing = staff.get("/evidence/recordings/999999");
        HttpResponse<String> notANumber = staff.get("/evidence/recordings/..%2F..%2Fetc%2Fpasswd");

        // then the operator is refused, the stranger sent to log in, and nothing is found for bad ids
        assertThat(operatorSearch.statusCode()).isIn(302, 403);
        if (operatorSearch.statusCode() == 302) {
            assertThat(operatorSearch.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/denied"));
        }
        assertThat(anonymousSearch.statusCode()).isEqualTo(302);
        assertThat(anonymousSearch.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(notANumber.statusCode()).isIn(400, 404);
    }
}
