package footage.jobs.evidence;

import footage.jobs.TestBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence work of issue 17 done in headless Chromium, as the command line does it (hold set/lift, retention
 * set, activities import, export): each action through the page's own form by evidence staff or an administrator,
 * ledgered under the logged-in user, and each refused by role (a viewer's post: 403, nothing changed). Its own device
 * D17 and officer O17, so the other evidence test classes sharing the application see nothing of it.
 */
class EvidenceWorkBrowserTests extends AbstractEvidenceTests {

    static final String ADMIN17 = "adele";

    private static TestBrowser browser;
    private static ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void browser() throws Exception {
        // the pages are opened by full URL: the app's port is known only per test instance
        browser = TestBrowser.start("");
        driver = (ChromeDriver) browser.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void footageOfD17() {
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        if (jdbc.sql("SELECT COUNT(*) FROM recordings WHERE device_id = 'D17'").query(Long.class).single() > 0) {
            return;
        }
        user(ADMIN17, "ADMIN");
        long dump = dump("D17", "O17");
        recording(dump, "D17", "O17", "D17HOLD.MP4", "2026-05-01T10:00:00+08:00");
        recording(dump, "D17", "O17", "D17CASE.MP4", "2026-05-02T10:00:00+08:00");
        recording(dump, "D17", "O17", "D17VIEW.MP4", "2026-05-03T10:00:00+08:00");
        recording(dump, "D17", "O17", "D17PERM.MP4", "2026-05-04T10:00:00+08:00");
        recording(dump, "D17", "O17", "D17ADMN.MP4", "2026-05-05T10:00:00+08:00");
        jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, imported_at) "
                        + "VALUES ('ACT-17', 'CASE-17', ?, ?, 'D17', 'O17', ?)")
                .params(at("2026-05-02T09:30:00+08:00"), at("2026-05-02T11:00:00+08:00"), at("2026-05-06T00:00:00Z"))
                .update();
    }

    @Test
    void aClerkSetsAHoldOnARecordingWithAReasonAndLiftsItAndBothAreLedgeredUnderHerName() {
        // given a clerk on the page of a recording that no hold keeps
        long file = id("D17HOLD.MP4");
        loginAs(STAFF);
        driver.get(base() + "/evidence/recordings/" + file);
        boolean noHoldBefore = !driver.findElements(By.id("no-holds")).isEmpty();

        // when she sets a hold with a reason, then lifts it with another
        driver.findElement(By.id("hold-reason")).sendKeys("complaint 17-1: keep until settled");
        driver.findElement(By.id("hold-set")).click();
        String setNotice = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText();
        String heldReason = driver.findElement(By.cssSelector("#holds .hold-reason")).getText();
        boolean heldAfterSet = onHold(file);
        driver.findElement(By.id("lift-reason")).sendKeys("complaint 17-1 settled");
        driver.findElement(By.id("hold-lift")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-holds")));
        String liftNotice = driver.findElement(By.id("notice")).getText();

        // then the recording was held between the two, and the ledger has both under her name with the reasons
        long hold = jdbc.sql("SELECT id FROM holds WHERE recording_id = ?").param(file).query(Long.class).single();
        assertThat(noHoldBefore).isTrue();
        assertThat(setNotice).contains("Hold " + hold + " set on recording " + file).contains("1 recording(s) held");
        assertThat(heldReason).isEqualTo("complaint 17-1: keep until settled");
        assertThat(heldAfterSet).isTrue();
        assertThat(liftNotice).contains("Lifted 1 hold(s)").contains("1 recording(s) released");
        assertThat(onHold(file)).isFalse();
        assertThat(jdbc.sql("SELECT set_by || ' / ' || lifted_by || ' / ' || lift_reason FROM holds WHERE id = ?")
                .param(hold).query(String.class).single()).isEqualTo(STAFF + " / " + STAFF + " / complaint 17-1 settled");
        assertThat(ledger("HOLD_SET", "hold:" + hold)).containsEntry(STAFF, "complaint 17-1: keep until settled");
        assertThat(ledger("HOLD_LIFTED", "hold:" + hold)).containsEntry(STAFF, "complaint 17-1 settled");
    }

    @Test
    void aClerkHoldsACaseOnTheHoldsPageSoItsRecordingIsHeldUntilSheLiftsTheCase() {
        // given a clerk on the holds page, and a recording of device D17 inside activity ACT-17 of case CASE-17
        long file = id("D17CASE.MP4");
        loginAs(STAFF);
        driver.get(base() + "/evidence");
        driver.findElement(By.id("holds-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-hold-form")));

        // when she sets a hold on the case with a reason, looks at the recording, and lifts the case's hold
        driver.findElement(By.id("case-hold-case")).sendKeys("CASE-17");
        driver.findElement(By.id("case-hold-reason")).sendKeys("court order 17-2");
        driver.findElement(By.id("case-hold-set")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-case='CASE-17']")));
        String notice = driver.findElement(By.id("notice")).getText();
        long hold = Long.parseLong(row.getAttribute("data-hold"));
        boolean held = onHold(file);
        driver.get(base() + "/evidence/recordings/" + file);
        String onRecordingPage = driver.findElement(By.id("holds")).getText();
        driver.get(base() + "/evidence/holds");
        row = driver.findElement(By.cssSelector("tr[data-case='CASE-17']"));
        row.findElement(By.name("reason")).sendKeys("court order 17-2 revoked");
        row.findElement(By.cssSelector("button.lift")).click();
        wait.until(d -> d.findElements(By.cssSelector("tr[data-case='CASE-17']")).isEmpty());
        String liftNotice = driver.findElement(By.id("notice")).getText();

        // then the case's recording was held by the case hold, shown on its page, and released; both ledgered
        assertThat(notice).contains("Hold " + hold + " set on case CASE-17").contains("1 recording(s) held");
        assertThat(held).isTrue();
        assertThat(onRecordingPage).contains("case CASE-17").contains("court order 17-2").contains(STAFF);
        assertThat(liftNotice).contains("Lifted 1 hold(s)");
        assertThat(onHold(file)).isFalse();
        assertThat(ledger("HOLD_SET", "hold:" + hold)).containsEntry(STAFF, "court order 17-2");
        assertThat(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'HOLD_SET' AND subject = ?").param("hold:" + hold)
                .query(String.class).single()).contains("\"caseNumber\":\"CASE-17\"").contains("\"recordings\":[" + file + "]");
        assertThat(ledger("HOLD_LIFTED", "hold:" + hold)).containsEntry(STAFF, "court order 17-2 revoked");
    }

    @Test
    void aViewerSeesNoHoldFormAndHerPostedHoldIsRefusedWith403AndChangesNothing() {
        // given a viewer on a recording's page
        long file = id("D17VIEW.MP4");
        loginAs(VIEWER);
        driver.get(base() + "/evidence/recordings/" + file);
        long holdsBefore = count("SELECT COUNT(*) FROM holds");
        long ledgerBefore = count("SELECT COUNT(*) FROM ledger");

        // when she posts a hold and a lift anyway, with the page's own session and CSRF token
        long set = post("/evidence/recordings/" + file + "/hold", Map.of("reason", "viewer tries"));
        long lift = post("/evidence/recordings/" + file + "/hold/lift", Map.of("reason", "viewer tries"));
        long caseHold = post("/evidence/holds", Map.of("case", "CASE-17", "reason", "viewer tries"));

        // then the page offered no form, every post was refused, and nothing changed
        assertThat(driver.findElements(By.id("hold-form"))).isEmpty();
        assertThat(driver.findElements(By.id("retention-form"))).isEmpty();
        assertThat(set).isEqualTo(403);
        assertThat(lift).isEqualTo(403);
        assertThat(caseHold).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM holds")).isEqualTo(holdsBefore);
        assertThat(count("SELECT COUNT(*) FROM ledger")).isEqualTo(ledgerBefore);
        assertThat(onHold(file)).isFalse();
    }

    @Test
    void aClerkMakesARecordingPermanentWithACategoryButIsRefusedMakingItStandardAgainAndTheRefusalIsLedgered() {
        // given a clerk on the page of a STANDARD recording
        long file = id("D17PERM.MP4");
        loginAs(STAFF);
        driver.get(base() + "/evidence/recordings/" + file);

        // when she makes it PERMANENT for obstruction, then tries to make it STANDARD again with a reason
        new Select(driver.findElement(By.id("retention-class"))).selectByValue("PERMANENT");
        new Select(driver.findElement(By.id("retention-category"))).selectByValue("OBSTRUCTION");
        driver.findElement(By.id("retention-reason")).sendKeys("officer pushed away, 17-3");
        driver.findElement(By.id("retention-set")).click();
        String changed = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText();
        String shown = driver.findElement(By.id("m-retention")).getText();
        new Select(driver.findElement(By.id("retention-class"))).selectByValue("STANDARD");
        driver.findElement(By.id("retention-reason")).sendKeys("entered by mistake");
        driver.findElement(By.id("retention-set")).click();
        String refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused"))).getText();

        // then the first change is made and ledgered under her name, the second refused with why, ledgered, and
        // the recording stays PERMANENT
        assertThat(changed).contains("Retention class changed to Permanent · OBSTRUCTION");
        assertThat(shown).isEqualTo("Permanent · OBSTRUCTION");
        assertThat(driver.findElement(By.id("m-retention")).getText()).isEqualTo("Permanent · OBSTRUCTION");
        assertThat(refused).contains("only an administrator may make a Permanent recording Standard again")
                .contains("console user 'esther' is not an ADMIN");
        assertThat(retention(file)).isEqualTo("PERMANENT OBSTRUCTION");
        assertThat(ledger("RETENTION_SET", "recording:" + file)).containsEntry(STAFF, "officer pushed away, 17-3");
        assertThat(ledger("RETENTION_REFUSED", "recording:" + file)).containsEntry(STAFF, "entered by mistake");
    }

    @Test
    void anAdministratorMakesAPermanentRecordingStandardAgainButOnlyWithAReason() {
        // given a PERMANENT recording and an administrator on its page
        long file = id("D17ADMN.MP4");
        jdbc.sql("UPDATE recordings SET retention_class = 'PERMANENT', retention_category = 'COMPLEX_CASE', "
                + "retain_until = NULL WHERE id = ?").param(file).update();
        loginAs(ADMIN17);
        driver.get(base() + "/evidence/recordings/" + file);

        // when she makes it STANDARD without a reason, then with one
        new Select(driver.findElement(By.id("retention-class"))).selectByValue("STANDARD");
        driver.findElement(By.id("retention-set")).click();
        String refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused"))).getText();
        String classAfterRefusal = retention(file);
        new Select(driver.findElement(By.id("retention-class"))).selectByValue("STANDARD");
        driver.findElement(By.id("retention-reason")).sendKeys("case 17-4 closed without charge");
        driver.findElement(By.id("retention-set")).click();
        String changed = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice"))).getText();

        // then without a reason nothing changed; with it the recording is STANDARD with a date, ledgered as hers
        assertThat(refused).contains("needs a reason");
        assertThat(classAfterRefusal).isEqualTo("PERMANENT COMPLEX_CASE");
        assertThat(changed).contains("Retention class changed to Standard");
        assertThat(retention(file)).isEqualTo("STANDARD null");
        assertThat(driver.findElement(By.id("m-retain-until")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(ledger("RETENTION_SET", "recording:" + file)).containsEntry(ADMIN17, "case 17-4 closed without charge");
        assertThat(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'RETENTION_SET' AND subject = ?")
                .param("recording:" + file).query(String.class).single())
                .contains("\"previousClass\":\"PERMANENT\"").contains("\"previousCategory\":\"COMPLEX_CASE\"");
        assertThat(ledger("RETENTION_REFUSED", "recording:" + file)).isEmpty();
    }

    @Test
    void aViewerSeesNoRetentionFormAndHerPostedChangeIsRefusedWith403AndChangesNothing() {
        // given a viewer on a STANDARD recording's page
        long file = id("D17VIEW.MP4");
        loginAs(VIEWER);
        driver.get(base() + "/evidence/recordings/" + file);
        long ledgerBefore = count("SELECT COUNT(*) FROM ledger");

        // when she posts a change to PERMANENT anyway, with the page's own session and CSRF token
        long status = post("/evidence/recordings/" + file + "/retention",
                Map.of("class", "PERMANENT", "category", "PENALTY_EVIDENCE", "reason", "viewer tries"));

        // then the page offered no form, the post was refused, and nothing changed
        assertThat(driver.findElements(By.id("retention-form"))).isEmpty();
        assertThat(status).isEqualTo(403);
        assertThat(retention(file)).isEqualTo("STANDARD null");
        assertThat(count("SELECT COUNT(*) FROM ledger")).isEqualTo(ledgerBefore);
    }

    private String retention(long recording) {
        return jdbc.sql("SELECT retention_class || ' ' || COALESCE(retention_category, 'null') FROM recordings WHERE id = ?")
                .param(recording).query(String.class).single();
    }

    @Test
    void aClerkUploadsACsvOfActivitiesAndSeesEachBadLineWithItsReasonAndHowManyWereImported() throws Exception {
        // given a CSV file with two good activities of device D17 and two bad lines, and a clerk on the activities page
        Path csv = Files.createTempFile("activities-", ".csv");
        Files.writeString(csv, "id,caseNumber,start,end,devices,officers,permanent\n"
                + "ACT-17A,CASE-17I,2026-05-10T09:00:00+08:00,2026-05-10T10:00:00+08:00,D17,O17,\n"
                + "ACT-17X,CASE-17I,2026-02-30T09:00:00+08:00,2026-05-10T10:00:00+08:00,D17,O17,\n"
                + "ACT-17B,CASE-17I,2026-05-11T09:00,2026-05-11T10:00,D17,,\n"
                + "ACT-17Y,CASE-17I,2026-05-12T09:00:00+08:00,2026-05-12T08:00:00+08:00,D17,,\n");
        loginAs(STAFF);
        driver.get(base() + "/evidence");
        driver.findElement(By.linkText("Activities")).click();

        // when she picks the file and presses Import
        driver.findElement(By.id("import-file")).sendKeys(csv.toString());
        driver.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));

        // then the page names the count imported and each bad line with why; the good rows are stored and ledgered
        // under her name, the bad ones not at all
        assertThat(driver.findElement(By.id("import-counts")).getText()).startsWith(csv.getFileName() + ": 2 added, 0 updated, "
                + "0 unchanged, 2 rejected");
        assertThat(driver.findElements(By.cssSelector("#import-errors li.import-error")).stream().map(WebElement::getText))
                .satisfiesExactly(
                        line3 -> assertThat(line3).startsWith("line 3: start: ").contains("2026-02-30"),
                        line5 -> assertThat(line5).startsWith("line 5: end ").contains("is not after start"));
        assertThat(driver.findElement(By.id("refused")).getText()).contains("2 row(s) rejected");
        assertThat(driver.findElements(By.cssSelector("#activities tr[data-activity='ACT-17A'], "
                + "#activities tr[data-activity='ACT-17B']"))).hasSize(2);
        assertThat(jdbc.sql("SELECT id FROM activities WHERE case_number = 'CASE-17I' ORDER BY id").query(String.class).list())
                .containsExactly("ACT-17A", "ACT-17B");
        assertThat(jdbc.sql("SELECT start_at FROM activities WHERE id = 'ACT-17B'").query(java.time.OffsetDateTime.class)
                .single().toInstant()).as("a local time is read in the device zone")
                .isEqualTo(java.time.LocalDateTime.parse("2026-05-11T09:00").atZone(footage.deviceZone()).toInstant());
        assertThat(jdbc.sql("SELECT subject FROM ledger WHERE entry_type = 'ACTIVITY_IMPORTED' AND actor = ? ORDER BY seq")
                .param(STAFF).query(String.class).list()).containsExactly("activity:ACT-17A", "activity:ACT-17B");
    }

    @Test
    void aViewerSeesNoImportFormAndHerUploadIsRefusedWith403AndNothingIsImported() {
        // given a viewer on the activities page
        loginAs(VIEWER);
        driver.get(base() + "/evidence/timeline/activity");
        long ledgerBefore = count("SELECT COUNT(*) FROM ledger");

        // when she uploads a good CSV file anyway, with the page's own session and CSRF token
        Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const form = new FormData();"
                + "form.append('_csrf', document.querySelector('meta[name=\"_csrf\"]').content);"
                + "form.append('file', new Blob([arguments[1]], {type: 'text/csv'}), 'activities.csv');"
                + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', body: form, redirect: 'manual'})"
                + ".then(r => done(r.status)).catch(e => done(-1));", base() + "/evidence/activities/import",
                "id,caseNumber,start,end,devices\nACT-17V,CASE-17V,2026-05-13T09:00:00+08:00,2026-05-13T10:00:00+08:00,D17\n");

        // then the page offered no form, the upload was refused, and nothing was imported or ledgered
        assertThat(driver.findElements(By.id("import-form"))).isEmpty();
        assertThat(((Number) status).longValue()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM activities WHERE id = 'ACT-17V'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger")).isEqualTo(ledgerBefore);
    }

    @Test
    void aClerkExportsAnApprovedExternalRequestAsAJobAndOnlyItsRequesterDownloadsTheBagAsAZip() throws Exception {
        // given a court's approved external request for two archived recordings, filed by clerk ella17, and
        // another clerk who starts the export
        byte[] first = bytes(60_000, 17);
        byte[] second = bytes(40_000, 71);
        long one = archived("D17BAG1.MP4", first, "2026-05-20T10:00:00+08:00");
        long two = archived("D17BAG2.MP4", second, "2026-05-20T10:10:00+08:00");
        user("ella17", "EVIDENCE_STAFF");
        long request = externalRequest("ella17", one + "," + two, "APPROVED");
        loginAs(STAFF);
        driver.get(base() + "/evidence/requests");

        // when she follows the request's BagIt link, presses Export and waits for the job's bag to be listed
        driver.findElement(By.cssSelector("tr[data-request='" + request + "'] a.exports")).click();
        driver.findElement(By.id("export-start")).click();
        WebElement row = new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#exports tr[data-status='FINISHED']")));
        long export = Long.parseLong(row.getAttribute("data-export"));
        long execution = Long.parseLong(row.getAttribute("data-execution"));
        String shownSha = row.findElement(By.cssSelector("td.sha")).getText();
        long shownBytes = Long.parseLong(row.findElement(By.cssSelector("td.size")).getAttribute("data-bytes"));
        String shownSize = row.findElement(By.cssSelector("td.size")).getText();
        boolean linkForStarter = !row.findElements(By.cssSelector("a.download")).isEmpty();
        String zipPath = "/evidence/requests/" + request + "/exports/" + export + "/bag.zip";
        Download byStarter = download(zipPath);
        loginAs("ella17");
        driver.get(base() + "/evidence/requests/" + request + "/exports");
        String href = driver.findElement(By.cssSelector("#exports tr[data-export='" + export + "'] a.download")).getAttribute("href");
        Download byRequester = download(java.net.URI.create(href).getPath());

        // then the job made a bag of both recordings; the page lists its size and the SHA-256 of its tag manifest; the
        // clerk who started it may not download it, the requester gets it as a zip whose bytes are the bag's; every
        // step is in the ledger
        assertThat(jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?").param(execution)
                .query(String.class).single()).isEqualTo("COMPLETED");
        assertThat(linkForStarter).isFalse();
        assertThat(byStarter.status()).isEqualTo(403);
        assertThat(byStarter.text()).contains("only the requester (ella17)");
        assertThat(byRequester.status()).isEqualTo(200);
        assertThat(byRequester.type()).isEqualTo("application/zip");
        Map<String, byte[]> zip = unzip(byRequester.body());
        String top = "request-" + request + "-" + execution + "/";
        assertThat(zip.keySet()).allMatch(name -> name.startsWith(top))
                .contains(top + "bagit.txt", top + "bag-info.txt", top + "manifest-sha256.txt", top + "tagmanifest-sha256.txt",
                        top + "gap-report.json", top + "ledger-extract.jsonl");
        assertThat(zip.get(top + "data/drop/d1/D17BAG1.MP4")).isEqualTo(first);
        assertThat(zip.get(top + "data/drop/d1/D17BAG2.MP4")).isEqualTo(second);
        assertThat(new String(zip.get(top + "manifest-sha256.txt"), java.nio.charset.StandardCharsets.UTF_8))
                .contains(sha256(first) + "  data/drop/d1/D17BAG1.MP4").contains(sha256(second) + "  data/drop/d1/D17BAG2.MP4");
        assertThat(new String(zip.get(top + "bag-info.txt"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("External-Identifier: access request " + request + ", 某区人民法院, letter (2026)17号");
        assertThat(shownSha).isEqualTo(sha256(zip.get(top + "tagmanifest-sha256.txt")));
        assertThat(shownBytes).isEqualTo(zip.values().stream().mapToLong(b -> b.length).sum());
        assertThat(shownSize).isNotBlank();
        assertThat(jdbc.sql("SELECT entry_type || ' ' || actor FROM ledger WHERE subject = ? AND entry_type LIKE 'EXPORT%' "
                + "ORDER BY seq").param(AccessRequests.subject(request)).query(String.class).list()).containsExactly(
                "EXPORT_STARTED " + STAFF, "EXPORT_FINISHED " + STAFF, "EXPORT_REFUSED " + STAFF,
                "EXPORT_DOWNLOADED ella17");
        assertThat(jdbc.sql("SELECT payload FROM ledger WHERE subject = ? AND entry_type = 'EXPORT_FINISHED'")
                .param(AccessRequests.subject(request)).query(String.class).single())
                .contains("\"tagmanifestSha256\":\"" + shownSha + "\"").contains("\"sizeBytes\":" + shownBytes);
        assertThat(jdbc.sql("SELECT actor || ' ' || payload FROM ledger WHERE entry_type = 'EXPORTED' AND payload LIKE ?")
                .param("%" + shownSha + "%").query(String.class).single()).startsWith(STAFF + " ");
    }

    @Test
    void anExportIsRefusedWithWhyForARequestThatIsNotApprovedOrNotExternalAndTheRefusalIsLedgered() {
        // given a pending external request and an approved internal one, and a clerk
        long file = id("D17VIEW.MP4");
        long pending = externalRequest("ella17p", String.valueOf(file), "PENDING");
        jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, reason, valid_from, valid_until, status, "
                        + "requested_at, decided_by, decided_at, decision_comment) "
                        + "VALUES ('INTERNAL', ?, ?, 'internal 17', ?, ?, 'APPROVED', ?, ?, ?, 'ok')")
                .params(STAFF, String.valueOf(file), java.time.OffsetDateTime.now().minusDays(1),
                        java.time.OffsetDateTime.now().plusDays(1), java.time.OffsetDateTime.now().minusDays(1), APPROVER,
                        java.time.OffsetDateTime.now().minusDays(1)).update();
        long internal = jdbc.sql("SELECT MAX(id) FROM access_requests WHERE reason = 'internal 17'").query(Long.class).single();
        loginAs(STAFF);

        // when she opens their export pages and posts an export of each anyway
        driver.get(base() + "/evidence/requests/" + pending + "/exports");
        String pendingNote = driver.findElement(By.id("not-exportable")).getText();
        boolean pendingButton = !driver.findElements(By.id("export-start")).isEmpty();
        String pendingAnswer = postFollowing("/evidence/requests/" + pending + "/export");
        driver.get(base() + "/evidence/requests/" + internal + "/exports");
        boolean internalButton = !driver.findElements(By.id("export-start")).isEmpty();
        String internalAnswer = postFollowing("/evidence/requests/" + internal + "/export");

        // then no button was offered, each post was refused with why, nothing ran, and both refusals are ledgered
        assertThat(pendingButton).isFalse();
        assertThat(internalButton).isFalse();
        assertThat(pendingNote).contains("not approved");
        assertThat(pendingAnswer).contains("Refused: the request is not approved.");
        assertThat(internalAnswer).contains("Refused: only an external request (Art. 17) is exported");
        assertThat(count("SELECT COUNT(*) FROM request_exports WHERE request_id IN (" + pending + ", " + internal + ")")).isZero();
        assertThat(jdbc.sql("SELECT subject || ' ' || actor || ' ' || payload FROM ledger WHERE entry_type = 'EXPORT_REFUSED' "
                + "AND subject IN (?, ?) ORDER BY seq").params(AccessRequests.subject(pending), AccessRequests.subject(internal))
                .query(String.class).list()).satisfiesExactly(
                p -> assertThat(p).startsWith(AccessRequests.subject(pending) + " " + STAFF)
                        .contains("evidence.export.refused.notApproved"),
                i -> assertThat(i).startsWith(AccessRequests.subject(internal) + " " + STAFF)
                        .contains("evidence.export.refused.notExternal"));
    }

    @Test
    void aViewerIsRefusedStartingAnExportWith403AndNothingRuns() {
        // given an approved external request and a viewer on its export page
        long request = externalRequest("ella17v", String.valueOf(id("D17VIEW.MP4")), "APPROVED");
        loginAs(VIEWER);
        driver.get(base() + "/evidence/requests/" + request + "/exports");
        long ledgerBefore = count("SELECT COUNT(*) FROM ledger");

        // when she posts an export anyway, with the page's own session and CSRF token
        long status = post("/evidence/requests/" + request + "/export", Map.of());

        // then she was offered no button, the post was refused, nothing ran and nothing was ledgered
        assertThat(driver.findElements(By.id("export-start"))).isEmpty();
        assertThat(status).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM request_exports WHERE request_id = " + request)).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger")).isEqualTo(ledgerBefore);
    }

    /** An external request of a court for these recordings, filed by {@code requester}, valid from yesterday to tomorrow. */
    private long externalRequest(String requester, String recordings, String status) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, reason, valid_from, valid_until, status, "
                        + "requested_at, decided_by, decided_at, decision_comment, agency_type, agency_name, letter_ref, "
                        + "letter_type, letter_sha256, letter_size) VALUES ('EXTERNAL', ?, ?, 'court evidence 17', ?, ?, ?, ?, ?, ?, ?, "
                        + "'COURT', '某区人民法院', '(2026)17号', 'PDF', ?, 10)")
                .params(requester, recordings, now.minusDays(1), now.plusDays(1), status, now.minusDays(1),
                        "APPROVED".equals(status) ? "bella17" : null, "APPROVED".equals(status) ? now.minusHours(1) : null,
                        "APPROVED".equals(status) ? "局长批准" : null, "0".repeat(64))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM access_requests WHERE requester = ?").param(requester).query(Long.class).single();
    }

    /** A recording of D17 whose original is in the archive with these bytes, catalogued with their digest and size. */
    private long archived(String fileName, byte[] content, String start) throws Exception {
        Path object = footage.archive().resolve("objects/" + fileName);
        Files.createDirectories(object.getParent());
        Files.write(object, content);
        long dump = dump("D17", "O17");
        jdbc.sql("INSERT INTO recordings (sha256, size_bytes, archive_path, original_path, file_name, dump_id, device_id, "
                        + "officer_id, corrected_start, duration_seconds, container, video_codec, audio_codec, important, status, "
                        + "ingested_at) VALUES (?, ?, ?, ?, ?, ?, 'D17', 'O17', ?, 300.0, 'mov,mp4', 'h264', 'aac', FALSE, "
                        + "'ARCHIVED', ?)")
                .params(sha256(content), (long) content.length, "objects/" + fileName, "drop/d1/" + fileName, fileName, dump,
                        at(start), java.time.OffsetDateTime.now())
                .update();
        return id(fileName);
    }

    private static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    record Download(long status, String type, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** What the page's own session gets for a URL, as the download link would: status, type and the body's bytes. */
    private Download download(String path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => {"
                        + "  const bytes = new Uint8Array(b); let s = '';"
                        + "  for (let i = 0; i < bytes.length; i += 32768) {"
                        + "    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 32768)); }"
                        + "  done({status: r.status, type: r.headers.get('content-type'), body: btoa(s)}); }))"
                        + ".catch(e => done({status: -1, type: '', body: btoa(String(e))}));", base() + path);
        return new Download(((Number) r.get("status")).longValue(), (String) r.get("type"),
                java.util.Base64.getDecoder().decode((String) r.get("body")));
    }

    /** A form post with the page's session and CSRF token whose redirect is followed, as a browser does: the page's text. */
    private String postFollowing(String path) {
        return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const body = new URLSearchParams();"
                + "body.append('_csrf', document.querySelector('meta[name=\"_csrf\"]').content);"
                + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', body: body})"
                + ".then(r => r.text()).then(t => done(new DOMParser().parseFromString(t, 'text/html').body.innerText))"
                + ".catch(e => done('failed: ' + e));", base() + path);
    }

    private boolean onHold(long recording) {
        return jdbc.sql("SELECT on_hold FROM recordings WHERE id = ?").param(recording).query(Boolean.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Actor to reason of the subject's entries of this type. */
    private Map<String, String> ledger(String type, String subject) {
        Map<String, String> byActor = new LinkedHashMap<>();
        jdbc.sql("SELECT actor, payload FROM ledger WHERE entry_type = ? AND subject = ? ORDER BY seq").params(type, subject)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> byActor.put(e.getKey(), reason(e.getValue())));
        return byActor;
    }

    private static String reason(String payload) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"reason\":\"([^\"]*)\"").matcher(payload);
        return m.find() ? m.group(1) : null;
    }

    /** A form post with the page's own session and CSRF token, as a crafted form would send it; its status. */
    private long post(String path, Map<String, String> form) {
        Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const body = new URLSearchParams(arguments[1]);"
                + "body.append('_csrf', document.querySelector('meta[name=\"_csrf\"]').content);"
                + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', body: body, redirect: 'manual'})"
                + ".then(r => done(r.status)).catch(e => done(-1));", base() + path, form);
        return ((Number) status).longValue();
    }

    /** A fresh session: the previous user's cookies go, the login form is filled in. */
    private void loginAs(String user) {
        driver.get(base() + "/login");
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
