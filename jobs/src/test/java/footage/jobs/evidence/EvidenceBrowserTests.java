package footage.jobs.evidence;

import footage.jobs.TestBrowser;
import footage.pipeline.sample.PhotoSpec;
import footage.pipeline.sample.RecorderSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.transcode.DerivativeStore;
import footage.pipeline.transcode.Profile;
import footage.pipeline.transcode.Profiles;
import footage.pipeline.transcode.StoredDerivative;
import footage.pipeline.transcode.Transcoder;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence console in headless Chromium (Debian's chromium and chromedriver, as the ops console's browser tests),
 * one browser for the class, a fresh session (cookies cleared) per user: search and refusal, a request filed and
 * approved through the pages and then played, an external request with an uploaded letter decided by the bureau head,
 * and an approval that expires.
 */
class EvidenceBrowserTests extends AbstractEvidenceTests {


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
    void freshWait() {
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @Test
    void aViewerFindsARecordingByOfficerAndDateAndCannotPlayItWithoutApproval() {
        // given a viewer logged in through the form
        loginAs(VIEWER);

        // when the viewer searches by officer and day through the form, follows the hit and presses Play
        driver.get(base() + "/evidence");
        driver.findElement(By.id("filter-officer")).sendKeys("O8");
        // a date input's typing order depends on the browser's locale; its value does not
        driver.executeScript("document.getElementById('filter-from').value = '2026-03-01';"
                + "document.getElementById('filter-to').value = '2026-03-01';");
        driver.findElement(By.id("filter-apply")).click();
        wait.until(d -> d.getCurrentUrl().contains("officer=O8"));
        int hits = driver.findElements(By.cssSelector("#recordings tbody tr")).size();
        driver.findElement(By.linkText("FILE0003.MP4")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("m-sha256")));
        String sha = driver.findElement(By.id("m-sha256")).getText();
        String playUrl = driver.findElement(By.id("play")).getAttribute("href");
        driver.findElement(By.id("play")).click();
        wait.until(d -> d.getPageSource().contains("no approved"));
        long playStatus = fetch(java.net.URI.create(playUrl).getPath()).status();

        // then exactly that recording was found, its page shown, and playback refused and ledgered
        assertThat(hits).isEqualTo(1);
        assertThat(sha).isEqualTo(sha("FILE0003.MP4"));
        assertThat(playStatus).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = 'ACCESS_REFUSED' AND actor = ? AND subject = ?")
                .params(VIEWER, "recording:" + id("FILE0003.MP4")).query(Long.class).single()).isPositive();
    }

    @Test
    void aRequestFiledAndApprovedThroughThePagesOpensPlaybackAndTheRegisterShowsTheUse() {
        // given a viewer without any request, and the department-head approver
        user("rita", "VIEWER");
        long file = id("FILE0001.MP4");
        loginAs("rita");
        Fetched before = fetch("/evidence/recordings/" + file + "/play");

        // when she files a request on the requests page, the approver approves it on the same page, and she plays it
        driver.get(base() + "/evidence/requests");
        driver.findElement(By.id("req-recordings")).sendKeys(String.valueOf(file));
        driver.findElement(By.id("req-reason")).sendKeys("complaint 2026-40 from the browser");
        dates("req-from", "req-until");
        driver.findElement(By.id("req-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filed")));
        long request = jdbc.sql("SELECT MAX(id) FROM access_requests WHERE requester = 'rita'").query(Long.class).single();
        loginAs(APPROVER);
        driver.get(base() + "/evidence/requests");
        WebElement row = driver.findElement(By.cssSelector("tr[data-request='" + request + "']"));
        row.findElement(By.cssSelector("input[name='comment']")).sendKeys("approved in the browser");
        row.findElement(By.cssSelector("button.approve")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-request='" + request + "'][data-status='APPROVED']")));
        loginAs("rita");
        Fetched played = fetch("/evidence/recordings/" + file + "/play");
        driver.get(base() + "/evidence/register?user=rita");

        // then playback was refused before and streams the recording's bytes after, and the register lists the play
        assertThat(before.status()).isEqualTo(403);
        assertThat(played.status()).isEqualTo(200);
        assertThat(played.sha256()).isEqualTo(sha256(CONTENT));
        assertThat(driver.findElements(By.cssSelector("#register-uses tr[data-type='RECORDING_PLAYED'][data-actor='rita']"))).hasSize(1);
        assertThat(driver.findElement(By.id("register-uses")).getText()).contains("complaint 2026-40 from the browser")
                .contains("FILE0001.MP4");
        assertThat(driver.findElement(By.cssSelector("#register-requests tr[data-request='" + request + "']")).getText())
                .contains("approved in the browser").contains(APPROVER);
    }

    @Test
    void anExternalRequestWithAnUploadedLetterIsRefusedToTheDepartmentHeadAndApprovedByTheBureauHead() throws Exception {
        // given a clerk, an approver with bureau-head scope, and a court's letter as a PDF file
        user("ella", "EVIDENCE_STAFF");
        user("bella", "APPROVER");
        jdbc.sql("INSERT INTO console_user_roles (username, role) VALUES ('bella', 'BUREAU_HEAD')").update();
        byte[] pdf = letterPdf("北京市海淀区人民法院 调取证据通知书");
        Path letter = Files.createTempFile("court-letter-", ".pdf");
        Files.write(letter, pdf);
        long file = id("FILE0001.MP4");

        // when the clerk files the external request with the letter through the file input
        loginAs("ella");
        driver.get(base() + "/evidence/requests");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("ext-agency-type"))).selectByValue("COURT");
        driver.findElement(By.id("ext-agency")).sendKeys("北京市海淀区人民法院");
        driver.findElement(By.id("ext-contact")).sendKeys("李法官 010-6275");
        driver.findElement(By.id("ext-letter-ref")).sendKeys("(2026)京0108调字第7号");
        driver.findElement(By.id("ext-letter")).sendKeys(letter.toString());
        driver.findElement(By.id("ext-recordings")).sendKeys(String.valueOf(file));
        driver.findElement(By.id("ext-reason")).sendKeys("court evidence 2026-7");
        dates("ext-from", "ext-until");
        driver.findElement(By.id("ext-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("filed")));
        long request = jdbc.sql("SELECT MAX(id) FROM access_requests WHERE requester = 'ella'").query(Long.class).single();
        Fetched pending = fetch("/evidence/recordings/" + file + "/download");
        // and the department head, then the bureau head, approve it on the requests page
        loginAs(APPROVER);
        approveOnPage(request, "department head tries");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-refused")));
        String refusal = driver.findElement(By.id("request-refused")).getText();
        String statusAfterDepartment = driver.findElement(By.cssSelector("tr[data-request='" + request + "']")).getAttribute("data-status");
        loginAs("bella");
        approveOnPage(request, "局长批准");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-request='" + request + "'][data-status='APPROVED']")));
        loginAs("ella");
        Fetched downloaded = fetch("/evidence/recordings/" + file + "/download");

        // then the letter was stored under its hash, only the bureau head could approve, and then the download works
        String sha = sha256(pdf);
        assertThat(jdbc.sql("SELECT kind || ' ' || agency_type || ' ' || agency_name || ' ' || letter_type || ' ' || letter_sha256 "
                + "FROM access_requests WHERE id = ?").param(request).query(String.class).single())
                .isEqualTo("EXTERNAL COURT 北京市海淀区人民法院 PDF " + sha);
        assertThat(footage.home().resolve("letters").resolve(sha + ".pdf")).hasBinaryContent(pdf);
        assertThat(pending.status()).isEqualTo(403);
        assertThat(refusal).contains("bureau-head scope");
        assertThat(statusAfterDepartment).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT decided_by FROM access_requests WHERE id = ?").param(request).query(String.class).single())
                .isEqualTo("bella");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = 'ACCESS_DECISION_REFUSED' AND actor = ? AND subject = ?")
                .params(APPROVER, AccessRequests.subject(request)).query(Long.class).single()).isEqualTo(1);
        assertThat(downloaded.status()).isEqualTo(200);
        assertThat(downloaded.sha256()).isEqualTo(sha256(CONTENT));
    }

    @Test
    void anApprovalThatHasExpiredBlocksAccessAgain() {
        // given a viewer whose approved request is valid now
        user("ezra", "VIEWER");
        long file = id("FILE0001.MP4");
        jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, reason, valid_from, valid_until, status, "
                        + "requested_at, decided_by, decided_at, decision_comment) "
                        + "VALUES ('INTERNAL', 'ezra', ?, 'expiry test', ?, ?, 'APPROVED', ?, ?, ?, 'ok')")
                .params(String.valueOf(file), OffsetDateTime.now().minusDays(1), OffsetDateTime.now().plusDays(1),
                        OffsetDateTime.now().minusDays(1), APPROVER, OffsetDateTime.now().minusDays(1)).update();
        loginAs("ezra");
        Fetched valid = fetch("/evidence/recordings/" + file + "/download");

        // when the period ends (set in the catalog, as the end of the period passing would) and the browser asks again
        jdbc.sql("UPDATE access_requests SET valid_until = ? WHERE requester = 'ezra'").param(OffsetDateTime.now().minusMinutes(1)).update();
        Fetched expired = fetch("/evidence/recordings/" + file + "/download");

        // then the same session is refused, and the refusal is in the ledger
        assertThat(valid.status()).isEqualTo(200);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = 'ACCESS_REFUSED' AND actor = 'ezra' AND subject = ?")
                .param("recording:" + file).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theTimelineZoomsFromADayToMinutesWithoutReloadingThePage() {
        // given a 90 s gap of device DZ1 in a day of recording, on the clerk's day timeline
        if (jdbc.sql("SELECT COUNT(*) FROM findings WHERE id = 'f-gap-z1'").query(Long.class).single() == 0) {
            long dump = dump("DZ1", "OZ1");
            recording(dump, "DZ1", "OZ1", "DZ1CLIP1.MP4", "2026-10-01T09:55:00+08:00");
            recording(dump, "DZ1", "OZ1", "DZ1CLIP2.MP4", "2026-10-01T10:01:30+08:00");
            jdbc.sql("INSERT INTO findings (id, kind, device_id, start_at, end_at, seconds, detail, raised_at) "
                            + "VALUES ('f-gap-z1', 'GAP', 'DZ1', ?, ?, 90.0, 'gap of 90 s', ?)")
                    .params(at("2026-10-01T10:00:00+08:00"), at("2026-10-01T10:01:30+08:00"), at("2026-10-02T00:00:00Z"))
                    .update();
        }
        loginAs(STAFF);
        driver.get(base() + "/evidence/timeline?device=DZ1&from=2026-10-01&to=2026-10-01");
        double dayWidth = gapWidth();
        driver.executeScript("window.footageNoReload = 'still here';");

        // when the clerk zooms to 09:58 – 10:04 with the two time fields
        driver.executeScript("document.getElementById('tl-zoom-from').value = '2026-10-01T09:58';"
                + "document.getElementById('tl-zoom-to').value = '2026-10-01T10:04';");
        driver.findElement(By.id("tl-zoom")).click();
        wait.until(d -> "1790819880".equals(((ChromeDriver) d).executeScript(
                "return document.querySelector('#timeline svg').dataset.t0;")));

        // then the timeline shows those six minutes, the 90 s gap a quarter of the plot, and the page was not reloaded
        assertThat(driver.executeScript("return document.querySelector('#timeline svg').dataset.t1;"))
                .isEqualTo("1790820240");
        assertThat(gapWidth()).isGreaterThan(150).isGreaterThan(dayWidth * 10);
        assertThat(driver.executeScript("return window.footageNoReload;")).isEqualTo("still here");
        assertThat(driver.findElements(By.cssSelector("tr[data-finding='f-gap-z1']"))).hasSize(1);
    }

    /** The rendered width of the first gap in the page's timeline, in CSS pixels. */
    private double gapWidth() {
        return ((Number) driver.executeScript(
                "return document.querySelector('#timeline svg rect.gap').getBoundingClientRect().width;")).doubleValue();
    }

    @Test
    void explainingAGapOnTheTimelinePageTurnsItFromRedToHatchedAndPutsTheReasonInTheReportJson() {
        // given an unexplained gap between two recordings of device DB1, and an evidence clerk in the browser
        if (jdbc.sql("SELECT COUNT(*) FROM findings WHERE id = 'f-gap-b1'").query(Long.class).single() == 0) {
            long dump = dump("DB1", "OB1");
            recording(dump, "DB1", "OB1", "DB1CLIP1.MP4", "2026-09-01T10:00:00+08:00");
            recording(dump, "DB1", "OB1", "DB1CLIP2.MP4", "2026-09-01T10:30:00+08:00");
            jdbc.sql("INSERT INTO findings (id, kind, device_id, start_at, end_at, seconds, detail, raised_at) "
                            + "VALUES ('f-gap-b1', 'GAP', 'DB1', ?, ?, 1500.0, 'gap of 25 min', ?)")
                    .params(at("2026-09-01T10:05:00+08:00"), at("2026-09-01T10:30:00+08:00"), at("2026-09-02T00:00:00Z"))
                    .update();
        }
        loginAs(STAFF);
        String timeline = base() + "/evidence/timeline?device=DB1&from=2026-09-01&to=2026-09-01";
        driver.get(timeline);
        String before = gapFill();
        String jsonBefore = fetchText("/evidence/timeline/report.json?device=DB1");

        // when the clerk picks an Art. 11 reason, writes a note and presses Explain in the gap's row
        WebElement row = driver.findElement(By.cssSelector("tr[data-finding='f-gap-b1']"));
        new Select(row.findElement(By.name("reason"))).selectByValue("FORCE_MAJEURE");
        row.findElement(By.name("note")).sendKeys("battery failed, replaced at 10:30");
        row.findElement(By.cssSelector("form.explain button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("explained")));
        String after = gapFill();
        String jsonAfter = fetchText("/evidence/timeline/report.json?device=DB1");

        // then the painted colour of the gap changed from the unexplained red to the explained hatching, and the
        // report's JSON carries the reason and the note
        assertThat(before).isEqualTo("rgb(214, 39, 40)");
        assertThat(after).contains("explained-hatch");
        assertThat(jsonBefore).contains("f-gap-b1").doesNotContain("battery failed");
        assertThat(jsonAfter).contains("f-gap-b1").contains("FORCE_MAJEURE").contains("battery failed, replaced at 10:30");
    }

    /** The computed fill of the one gap in the page's SVG, as the browser paints it. */
    private String gapFill() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline svg rect.gap")));
        assertThat(driver.findElements(By.cssSelector("#timeline svg rect.gap"))).hasSize(1);
        return (String) driver.executeScript(
                "return getComputedStyle(document.querySelector('#timeline svg rect.gap')).fill;");
    }

    /** A URL's body as text, fetched with the page's own session. */
    private String fetchText(String path) {
        return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done)"
                + ".catch(e => done('fetch failed: ' + e));", base() + path);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AccessRequests accessRequests;

    @Test
    void aViewerListensToAnAudioRecordingAndSeesAPhotoPreviewOnlyUnderAnApprovedRequestAndEachUseIsRegistered()
            throws Exception {
        // given an AMR recording with its listening copy made by the transcoder, and a 2000x1500 photo
        SampleDumpGenerator generator = new SampleDumpGenerator();
        Path amr = Files.createTempFile("rec-", ".amr");
        generator.writeRecorderFile(amr, RecorderSpec.audio("amr", 3));
        long audio = archived("REC0001.AMR", "AUDIO", Files.readAllBytes(amr));
        long photo = archived("IMG0001.JPG", "PHOTO", generator.photo(new PhotoSpec(
                PhotoSpec.JPEG, 2000, 1500, null, null, null, null, null, false, 1.0)));
        listeningCopy(audio);
        user("lena", "VIEWER");
        loginAs("lena");
        Fetched audioBefore = fetch("/evidence/recordings/" + audio + "/play");
        Fetched photoBefore = fetch("/evidence/recordings/" + photo + "/thumbnail");

        // when a request naming both is approved, and she opens both recordings' pages
        long request = accessRequests.file("lena", java.util.List.of(audio, photo), null, "complaint 2026-77: sound and photo",
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusDays(1));
        accessRequests.decide(request, true, "approved", APPROVER);
        driver.get(base() + "/evidence/recordings/" + audio);
        String playerSource = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audio-player")))
                .getAttribute("src");
        Object played = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const a = document.getElementById('audio-player'); a.muted = true;"
                + "const end = r => done(r);"
                + "a.addEventListener('error', () => end('error ' + (a.error ? a.error.code : '?')));"
                + "a.addEventListener('loadedmetadata', () => end(a.duration));"
                + "if (a.readyState >= 1) { end(a.duration); } else { a.load(); }");
        driver.get(base() + "/evidence/recordings/" + photo);
        WebElement preview = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("thumbnail-image")));
        wait.until(d -> ((Number) ((ChromeDriver) d).executeScript("return arguments[0].naturalWidth;", preview))
                .intValue() > 0);
        long previewWidth = ((Number) driver.executeScript("return arguments[0].naturalWidth;", preview)).longValue();
        long previewHeight = ((Number) driver.executeScript("return arguments[0].naturalHeight;", preview)).longValue();
        driver.get(base() + "/evidence/register?user=lena");

        // then both were refused (403) without the request; with it the browser reads the listening copy's length
        // and shows the photo within 1280 pixels; the register lists both uses under the request
        assertThat(audioBefore.status()).isEqualTo(403);
        assertThat(photoBefore.status()).isEqualTo(403);
        assertThat(playerSource).endsWith("/evidence/recordings/" + audio + "/play");
        assertThat(played).as("the audio element's duration (or its error)").isInstanceOf(Number.class);
        assertThat(((Number) played).doubleValue()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(0.3));
        assertThat(java.util.List.of(previewWidth, previewHeight)).containsExactly(1280L, 960L);
        assertThat(driver.findElements(By.cssSelector("#register-uses tr[data-type='RECORDING_PLAYED'][data-actor='lena']")))
                .hasSizeGreaterThanOrEqualTo(1);
        assertThat(driver.findElements(By.cssSelector(
                "#register-uses tr[data-type='RECORDING_THUMBNAIL_VIEWED'][data-actor='lena']"))).hasSize(1);
        // what was served: the listening copy and the preview, not the originals
        assertThat(driver.findElement(By.id("register-uses")).getText())
                .contains("recording:" + audio).contains(".audio.m4a").contains("recording:" + photo).contains(".preview.jpg")
                .contains("complaint 2026-77");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = 'ACCESS_REFUSED' AND actor = 'lena'")
                .query(Long.class).single()).isEqualTo(2);
    }

    /** A recording of this kind whose original is in the archive, as ingest leaves it. */
    private long archived(String fileName, String kind, byte[] bytes) throws Exception {
        String sha = sha256(bytes);
        Path object = footage.archive().resolve("objects/" + fileName);
        Files.createDirectories(object.getParent());
        Files.write(object, bytes);
        // a device and officer of their own: the other evidence tests share this catalog and count theirs
        long dump = dump("DK16", "OK16");
        jdbc.sql("INSERT INTO recordings (sha256, size_bytes, archive_path, original_path, file_name, dump_id, device_id, "
                        + "officer_id, corrected_start, duration_seconds, container, audio_codec, important, status, "
                        + "kind, ingested_at) VALUES (?, ?, ?, ?, ?, ?, 'DK16', 'OK16', ?, ?, ?, ?, FALSE, 'ARCHIVED', ?, ?)")
                .params(sha, (long) bytes.length, "objects/" + fileName, "drop/d1/" + fileName, fileName, dump,
                        at("2026-03-02T10:00:00+08:00"), "AUDIO".equals(kind) ? 3.0 : null,
                        "AUDIO".equals(kind) ? "amr" : "jpeg", "AUDIO".equals(kind) ? "amr_nb" : null, kind,
                        OffsetDateTime.now())
                .update();
        return id(fileName);
    }

    /** The audio-proxy derivative, made by the transcoder into the proxies store and catalogued as the job does. */
    private void listeningCopy(long recording) throws Exception {
        String sha = jdbc.sql("SELECT sha256 FROM recordings WHERE id = ?").param(recording).query(String.class).single();
        Profile profile = Profiles.bundled().get("audio-proxy")
                .orElseThrow();
        StoredDerivative made = new DerivativeStore(
                footage.proxies(), new Transcoder())
                .make(footage.archive().resolve("objects/REC0001.AMR"), sha, profile, null);
        jdbc.sql("INSERT INTO derivatives (recording_id, profile, profile_sha256, status, method, path, sha256, size_bytes, "
                        + "media_seconds, partial, created_at, created_by) VALUES (?, ?, ?, 'MADE', 'ENCODE', ?, ?, ?, ?, FALSE, ?, 0)")
                .params(recording, profile.name(), profile.sha256(), made.relativePath(), made.sha256(), made.size(),
                        made.result().outputSeconds(), OffsetDateTime.now())
                .update();
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

    private void approveOnPage(long request, String comment) {
        driver.get(base() + "/evidence/requests");
        WebElement row = driver.findElement(By.cssSelector("tr[data-request='" + request + "']"));
        row.findElement(By.cssSelector("input[name='comment']")).sendKeys(comment);
        row.findElement(By.cssSelector("button.approve")).click();
    }

    /** A period from today to tomorrow: set by value, since typing into a date input depends on the browser's locale. */
    private void dates(String fromId, String untilId) {
        LocalDate today = LocalDate.now(footage.deviceZone());
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[2];"
                + "document.getElementById(arguments[1]).value = arguments[3];", fromId, untilId, today.toString(),
                today.plusDays(1).toString());
    }

    record Fetched(long status, String sha256) {
    }

    /** What the page's own session gets for a URL, as a player or a download link would: status and a digest of the body. */
    private Fetched fetch(String path) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => r.arrayBuffer().then(b => crypto.subtle.digest('SHA-256', b)"
                        + ".then(h => done({status: r.status, sha: Array.from(new Uint8Array(h)).map(x => x.toString(16).padStart(2, '0')).join('')}))))"
                        + ".catch(e => done({status: -1, sha: String(e)}));", base() + path);
        return new Fetched(((Number) r.get("status")).longValue(), (String) r.get("sha"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
