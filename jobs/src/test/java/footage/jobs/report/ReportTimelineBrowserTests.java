package footage.jobs.report;

import footage.jobs.TestBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a gap report over four days, opened in a real browser (headless Chromium). A 90 s gap must be seen: at
 * least 3 px wide in the overview of the whole span, at least 8 px in its day's detail timeline.
 */
class ReportTimelineBrowserTests extends ReportTestBase {


    private static TestBrowser browser;
    private static ChromeDriver driver;

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

    @Test
    void aNinetySecondGapIsVisibleInTheOverviewOfFourDaysAndPlainInItsDay() throws Exception {
        // given one device recording an hour a day for four days, with a 90 s gap on the second day
        CatalogRows rows = rows();
        String device = "DSJ" + UUID.randomUUID().toString().substring(0, 8);
        long dock = rows.dump(device, "100234", "张三", CatalogRows.cst("2024-03-04T18:00:00"), 0.0);
        for (int day = 1; day <= 4; day++) {
            rows.recording(dock, device, device + "_d" + day + "a.mp4", CatalogRows.cst("2024-03-0" + day + "T09:00:00"),
                    3600.0, 3600.0, "ARCHIVED");
        }
        rows.recording(dock, device, device + "_d2b.mp4", CatalogRows.cst("2024-03-02T10:01:30"), 1800.0, 1800.0,
                "ARCHIVED");
        String gap = "F" + device + "g90";
        rows.finding(gap, "GAP", device, dock, CatalogRows.cst("2024-03-02T10:00:00"),
                CatalogRows.cst("2024-03-02T10:01:30"), 90.0, "[\"" + device + "_d2a.mp4\",\"" + device + "_d2b.mp4\"]",
                null, "90.0 s without recording");
        Path page = Files.createTempDirectory("footage-report-page-").resolve("gaps.html");
        Files.write(page, renderer.render(builder.build(new ReportFilter(device, null, null)), ReportFormat.HTML,
                Locale.SIMPLIFIED_CHINESE));

        // when the report is opened in the browser
        driver.get(page.toUri().toString());
        List<WebElement> details = driver.findElements(By.cssSelector("svg.detail"));
        WebElement overviewGap = driver.findElement(By.cssSelector("svg.overview rect.gap"));
        List<WebElement> detailGaps = driver.findElements(By.cssSelector("svg.detail rect.gap"));
        double overviewWidth = overviewGap.getRect().getWidth();
        byte[] screenshot = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "report-timeline-4-days.png"), screenshot);

        // then there is a detail timeline per day, the gap in its day only, 8 px or wider there, 3 px or wider above
        assertThat(details).hasSize(4);
        assertThat(detailGaps).singleElement().satisfies(g -> assertThat(g.getRect().getWidth()).isGreaterThanOrEqualTo(8));
        assertThat(overviewWidth).isGreaterThanOrEqualTo(3);
        assertThat(driver.findElements(By.cssSelector("h3.day")).stream().map(WebElement::getText).toList())
                .containsExactly(device + " · 2024-03-01 逐时明细", device + " · 2024-03-02 逐时明细",
                        device + " · 2024-03-03 逐时明细", device + " · 2024-03-04 逐时明细");
        assertThat(screenshot.length).isGreaterThan(10_000);
    }
}
