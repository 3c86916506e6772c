package footage.jobs.evidence;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence console in headless Chromium (Debian's chromium and chromedriver, as the ops console's browser tests):
 * a viewer finds a recording by officer and date, opens it, and is refused playback without an approved request.
 */
class EvidenceBrowserTests extends AbstractEvidenceTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void aViewerFindsARecordingByOfficerAndDateAndCannotPlayItWithoutApproval() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("no chromium/chromedriver; CI=true, so this fails instead of skipping");
            }
            Assumptions.abort("no " + CHROMIUM + " or " + CHROMEDRIVER);
        }
        Path profile = Files.createTempDirectory("footage-evidence-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--user-data-dir=" + profile, "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            // given a viewer logged in through the form
            driver.get(base() + "/login");
            driver.findElement(By.id("username")).sendKeys(VIEWER);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("login")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));

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
            driver.findElement(By.id("play")).click();
            wait.until(d -> d.getPageSource().contains("no approved"));

            // then exactly that recording was found, its page shown, and playback refused and ledgered
            assertThat(hits).isEqualTo(1);
            assertThat(sha).isEqualTo(sha("FILE0003.MP4"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger WHERE entry_type = 'ACCESS_REFUSED' AND actor = ? AND subject = ?")
                    .params(VIEWER, "recording:" + id("FILE0003.MP4")).query(Long.class).single()).isPositive();
        } finally {
            driver.quit();
            service.stop();
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
