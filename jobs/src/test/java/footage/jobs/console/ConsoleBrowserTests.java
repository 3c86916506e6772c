package footage.jobs.console;

import footage.jobs.TestBrowser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium: what operators and viewers see and may do. One browser for the class;
 * screenshots of the main pages go to {@code target/console-screenshots/} for review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests extends AbstractConsoleTests {

    private TestBrowser browser;

    @BeforeAll
    void browser() throws Exception {
        browser = TestBrowser.start(base());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anUnauthenticatedPageRedirectsToTheLoginAndLoggingInLeadsBackToIt() {
        // given no session
        browser.logout();

        // when a console page is opened
        browser.open("/executions");

        // then the login page shows instead, and logging in goes on to the page asked for
        browser.until("the login page", d -> d.getCurrentUrl().endsWith("/login"));
        browser.find(By.id("username"));
        browser.screenshot("login");
        browser.find(By.id("username")).sendKeys(OPERATOR);
        browser.find(By.id("password")).sendKeys(PASSWORD);
        browser.click(By.id("login"));
        browser.until("back on the executions", d -> d.getCurrentUrl().contains("/executions"));
        assertThat(browser.find(By.id("account")).getText()).isEqualTo(OPERATOR);
    }

    @Test
    void anOperatorSeesAFailedExecutionRestartsItFromItsPageAndSeesItCompleted() {
        // given an execution whose step failed
        long failed = failedExecution();
        browser.login(OPERATOR, PASSWORD);

        // when the operator lists executions failed first
        browser.open("/executions?failedFirst=true");

        // then it is there, coloured as failed
        WebElement row = browser.find(By.cssSelector("tr[data-id='" + failed + "']"));
        assertThat(row.getDomAttribute("class")).contains("st-FAILED");
        assertThat(row.getText()).contains(ConsoleTestJobs.FLAKY_JOB);
        browser.screenshot("executions");

        // and its page shows why it failed, the stack trace collapsed, the step's counts and a restart button
        row.findElement(By.linkText("#" + failed)).click();
        browser.awaitStatus("FAILED");
        assertThat(browser.find(By.id("exit-summary")).getText()).contains("failed on purpose");
        assertThat(browser.find(By.id("job-trace")).getDomAttribute("open")).isNull();
        assertThat(browser.find(By.cssSelector("tr[data-step='consoleFlakyStep']")).getText()).contains("FAILED");
        assertThat(browser.all(By.id("stop"))).isEmpty();
        browser.screenshot("execution-failed");

        // when the operator restarts it
        browser.click(By.id("restart"));

        // then the browser is on the new execution of the same instance, which ends COMPLETED
        browser.awaitStatus("COMPLETED");
        List<Long> attempts = executionsOfInstanceOf(failed);
        assertThat(attempts).hasSize(2);
        assertThat(browser.path()).isEqualTo("/executions/" + attempts.get(1));
        assertThat(browser.all(By.id("restart"))).isEmpty();
        assertThat(browser.find(By.id("attempts")).getText()).contains("#" + failed, "#" + attempts.get(1));
        browser.screenshot("execution-restarted");
        assertThat(ledgerActors("JOB_RESTART", "job-execution:" + failed)).containsExactly(OPERATOR);
    }

    @Test
    void anOperatorWatchesARunningExecutionsProgressAndStopsIt() throws Exception {
        // given a long job running
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> runs.run(ConsoleTestJobs.SLOW_JOB));
        long id = runningSlowExecution();
        browser.login(OPERATOR, PASSWORD);

        // when the operator opens it
        browser.open("/executions/" + id);

        // then it shows as running with its progress (items done of the total), refreshing itself
        browser.awaitStatus("STARTED");
        String first = browser.find(By.cssSelector(".progress[data-step='" + ConsoleTestJobs.SLOW_STEP + "']")).getText();
        assertThat(first).contains("of " + ConsoleTestJobs.SLOW_ITEMS);
        browser.until("the progress to move", d -> !d.findElement(By.cssSelector(".progress")).getText().equals(first));
        assertThat(browser.all(By.id("restart"))).isEmpty();
        browser.screenshot("execution-running");

        // when the operator stops it
        browser.click(By.id("stop"));

        // then it ends STOPPED at a chunk boundary, and can be restarted
        browser.awaitStatus("STOPPED");
        assertThat(run.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.STOPPED);
        browser.find(By.id("restart"));
        assertThat(ledgerActors("JOB_STOP", "job-execution:" + id)).containsExactly(OPERATOR);
    }

    @Test
    void anOperatorPausesAndResumesATrigger() throws Exception {
        // given the schedules page
        browser.login(OPERATOR, PASSWORD);
        browser.open("/schedules");
        By report = By.cssSelector("tr[data-schedule='report']");
        assertThat(state(report)).isEqualTo("NORMAL");

        // when the report trigger is paused
        browser.find(report).findElement(By.cssSelector("button.pause")).click();

        // then it is paused, in the scheduler too
        browser.until("report PAUSED", d -> state(report).equals("PAUSED"));
        assertThat(browser.find(By.id("notice")).getText()).contains("report");
        assertThat(triggerState("report")).isEqualTo("PAUSED");
        browser.screenshot("schedules-paused");

        // when it is resumed
        browser.find(report).findElement(By.cssSelector("button.resume")).click();

        // then it fires again on its cron
        browser.until("report NORMAL", d -> state(report).equals("NORMAL"));
        assertThat(triggerState("report")).isEqualTo("NORMAL");
        browser.screenshot("schedules");
        assertThat(ledgerActors("SCHEDULE_PAUSE", "schedule:report")).containsExactly(OPERATOR);
        assertThat(ledgerActors("SCHEDULE_RESUME", "schedule:report")).containsExactly(OPERATOR);
    }

    @Test
    void theLanguageSwitchesBetweenChineseAndEnglish() {
        // given an English browser
        browser.login(ADMIN, ADMIN_PASSWORD);
        browser.open("/");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        browser.screenshot("dashboard");

        // when Chinese is chosen
        browser.click(By.id("lang-zh"));

        // then the pages are in Chinese, and stay so from page to page
        browser.until("Chinese", d -> d.findElement(By.tagName("h1")).getText().equals("概览"));
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        browser.screenshot("dashboard-zh");
        browser.click(By.id("nav-executions"));
        browser.until("executions in Chinese", d -> d.findElement(By.tagName("h1")).getText().equals("作业执行"));
        browser.screenshot("executions-zh");

        // when English is chosen again
        browser.click(By.id("lang-en"));

        // then English it is
        browser.until("English", d -> d.findElement(By.tagName("h1")).getText().equals("Executions"));
        browser.open("/users");
        assertThat(browser.find(By.cssSelector("tr[data-user='" + OPERATOR + "']")).getText()).contains(OPERATOR);
        browser.screenshot("users");
    }

    @Test
    void aViewerSeesNoRestartButtonAndIsRefusedWhenPostingTheRestartUrl() {
        // given a failed execution and a viewer on its page
        long failed = failedExecution();
        browser.login(VIEWER, PASSWORD);
        browser.open("/executions/" + failed);
        browser.awaitStatus("FAILED");

        // then there is nothing to press
        assertThat(browser.all(By.cssSelector("#restart, #stop, #abandon"))).isEmpty();
        browser.screenshot("execution-viewer");

        // when the viewer posts the restart URL anyway, with the page's valid CSRF token
        Object status = browser.script("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name="_csrf"]').content;
                const header = document.querySelector('meta[name="_csrf_header"]').content;
                fetch('/executions/' + arguments[0] + '/restart', {method: 'POST', headers: {[header]: token}})
                  .then(r => done(r.status), e => done('error ' + e));
                """, failed);

        // then it is forbidden, and nothing was restarted
        assertThat(status).isEqualTo(403L);
        assertThat(status(failed)).isEqualTo("FAILED");
        assertThat(executionsOfInstanceOf(failed)).containsExactly(failed);
    }

    private String state(By row) {
        return browser.find(row).findElement(By.cssSelector(".state")).getDomAttribute("data-state");
    }

    private String triggerState(String schedule) throws Exception {
        return schedules.lines().stream().filter(l -> l.schedule().equals(schedule)).findFirst().orElseThrow().state();
    }

    private long runningSlowExecution() throws InterruptedException {
        await("the slow job to run", Duration.ofSeconds(30), () -> !jdbc.sql("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e "
                + "JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? AND e.STATUS = 'STARTED' AND s.READ_COUNT > 0")
                .param(ConsoleTestJobs.SLOW_JOB).query(Long.class).list().isEmpty());
        return jdbc.sql("SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ?").param(ConsoleTestJobs.SLOW_JOB).query(Long.class).single();
    }
}
