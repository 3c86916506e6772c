package footage.jobs.console;

import footage.jobs.ConsoleClient;
import footage.jobs.runs.JobRunRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's rules over plain HTTP: login, CSRF, roles, the actuator, languages, and restarts racing the CLI's. */
@ExtendWith(OutputCaptureExtension.class)
class ConsoleHttpTests extends AbstractConsoleTests {

    @Test
    void everyPageButTheLoginRedirectsToItWithoutASession() {
        // given no session
        ConsoleClient anonymous = new ConsoleClient(base());

        for (String page : List.of("/", "/executions", "/executions/1", "/schedules", "/users", "/account")) {
            // when a page is asked for
            HttpResponse<String> r = anonymous.get(page);

            // then the answer is the way to the login page
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void theDashboardListsTheDevicesWaitingForTimelineAnalysis() {
        // given a device marked as needing analysis (a file of it settled, no analysis since)
        jdbc.sql("INSERT INTO continuity_marks (device_id, reason, marked_at) VALUES ('DSJ0WAITING1', 'dump file 7 settled ARCHIVED', ?)")
                .param(java.time.OffsetDateTime.now()).update();
        ConsoleClient operator = new ConsoleClient(base());
        operator.login(OPERATOR, PASSWORD);

        try {
            // when the dashboard is shown
            HttpResponse<String> page = operator.get("/");

            // then it names the device and why it waits
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"awaiting-analysis-devices\"", "DSJ0WAITING1", "dump file 7 settled ARCHIVED");
        } finally {
            jdbc.sql("DELETE FROM continuity_marks WHERE device_id = 'DSJ0WAITING1'").update();
        }
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        // given an operator's session and a failed execution
        long failed = failedExecution();
        ConsoleClient operator = new ConsoleClient(base());
        operator.login(OPERATOR, PASSWORD);

        // when the restart is posted without the CSRF token, and with a wrong one
        HttpResponse<String> without = operator.post("/executions/" + failed + "/restart", Map.of());
        HttpResponse<String> forged = operator.post("/executions/" + failed + "/abandon", Map.of("_csrf", "forged"));

        // then both are refused and the execution is as it was
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(status(failed)).isEqualTo("FAILED");
        assertThat(executionsOfInstanceOf(failed)).containsExactly(failed);
    }

    @Test
    void theConsolesRestartAndTheCommandLinesAtOnceRunTheStepOnce() throws Exception {
        // given a failed execution, an operator's session ready to post its restart, and the launcher the CLI uses
        long failed = failedExecution();
        int stepRunsBefore = flaky.runs.get();
        ConsoleClient operator = new ConsoleClient(base());
        operator.login(OPERATOR, PASSWORD);
        String token = operator.csrf();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            // when both restart it at the same moment
            Future<HttpResponse<String>> console = both.submit(() -> {
                go.await();
                return operator.post("/executions/" + failed + "/restart", Map.of("_csrf", token));
            });
            Future<String> cli = both.submit(() -> {
                go.await();
                try {
                    return runs.restart(failed).getStatus().name();
                } catch (JobRunRefused refused) {
                    return "refused: " + refused.getMessage();
                }
            });
            go.countDown();
            HttpResponse<String> consoleAnswer = console.get(60, TimeUnit.SECONDS);
            String cliOutcome = cli.get(60, TimeUnit.SECONDS);
            await("the restart to end", Duration.ofSeconds(30), () -> {
                List<Long> attempts = executionsOfInstanceOf(failed);
                return attempts.size() > 1 && !ExecutionQueries.RUNNING.contains(status(attempts.get(attempts.size() - 1)));
            });

            // then the step ran once more, in one new execution of the instance, which completed
            assertThat(flaky.runs.get() - stepRunsBefore).as("step runs (console answered %s, CLI %s)",
                    consoleAnswer.headers().firstValue("Location"), cliOutcome).isEqualTo(1);
            List<Long> attempts = executionsOfInstanceOf(failed);
            assertThat(attempts).hasSize(2);
            assertThat(status(attempts.get(1))).isEqualTo("COMPLETED");
            assertThat(consoleAnswer.statusCode()).isEqualTo(302);
            assertThat(cliOutcome).matches("COMPLETED|refused: .*");
            // and the console's request, done or refused, is in the ledger with its user
            assertThat(ledgerActors("JOB_RESTART", "job-execution:" + failed)).containsExactly(OPERATOR);
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    void actuatorEndpointsNeedAnAdministratorExceptTheProbesAndPrometheusWhichTakesItsToken() {
        // given no session at all (a scraper, an orchestrator)
        ConsoleClient client = new ConsoleClient(base());

        // then the probes are open, the scrape needs the metrics token, everything else an administrator's credentials
        assertThat(client.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(401);
        assertThat(client.getAs("/actuator/health", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(client.get("/actuator/prometheus", "Authorization", "Bearer not-the-token-at-all-not-at-all").statusCode())
                .isEqualTo(401);
        assertThat(client.getAs("/actuator/prometheus", VIEWER, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(client.getAs("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).statusCode()).as("not a person's account").isEqualTo(403);
        assertThat(client.get("/actuator/health", "Authorization", "Bearer " + METRICS_TOKEN).statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = client.get("/actuator/prometheus", "Authorization", "Bearer " + METRICS_TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_");
        assertThat(scrape.headers().allValues("Set-Cookie")).as("a scrape opens no session").isEmpty();
    }

    @Test
    void theLanguageComesFromTheBrowserUntilTheUserPicksOne() {
        // given a client
        ConsoleClient client = new ConsoleClient(base());

        // then Accept-Language decides: Chinese for Chinese, English for English and for what the console does not speak
        assertThat(client.get("/login", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").body()).contains("<h1>登录</h1>", "lang=\"zh-CN\"");
        assertThat(client.get("/login", "Accept-Language", "zh-TW").body()).contains("<h1>登录</h1>");
        assertThat(client.get("/login", "Accept-Language", "en-GB").body()).contains("<h1>Log in</h1>", "lang=\"en\"");
        assertThat(client.get("/login", "Accept-Language", "de-DE,fr;q=0.8").body()).contains("<h1>Log in</h1>");

        // when the user picks Chinese on an English browser, it stays Chinese
        client.get("/login?lang=zh-CN", "Accept-Language", "en");
        assertThat(client.get("/login", "Accept-Language", "en").body()).contains("<h1>登录</h1>");
    }

    @Test
    void repeatedFailuresFromOneAddressSlowThatAddressDownButNeverLockTheUserOutElsewhere(CapturedOutput output) throws Exception {
        // given a user, and a stranger guessing her password from 127.0.0.1
        users.create("lena", PASSWORD, java.util.EnumSet.of(Role.VIEWER), ADMIN);
        ConsoleClient guesser = new ConsoleClient(base());

        // when three guesses fail, and a fourth comes at once
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.login("lena", "wrong-guess-" + i)).endsWith("/login?error");
        }
        String tooSoon = guesser.login("lena", PASSWORD);

        // then the fourth is refused unchecked, even with the right password, and every failure was logged
        assertThat(tooSoon).endsWith("/login?error");
        assertThat(output.getAll()).contains("console: login failed for 'lena' from 127.0.0.1", "3 failure(s) in a row",
                "console: login refused for 'lena' from 127.0.0.1");
        // while lena herself, from another address, logs in at once, and the stranger's address may try again later
        assertThat(LoginFrom.address("127.0.0.2", port, "lena", PASSWORD)).doesNotContain("error");
        Thread.sleep(1100);
        assertThat(guesser.login("lena", PASSWORD)).doesNotContain("error");
    }

    @Test
    void administratorsManageUsersAndADisabledUserIsLoggedOutAtOnce() {
        // given an administrator and a viewer
        ConsoleClient admin = new ConsoleClient(base());
        admin.login(ADMIN, ADMIN_PASSWORD);
        ConsoleClient viewer = new ConsoleClient(base());
        viewer.login(VIEWER, PASSWORD);

        // then only the administrator may see and change users
        assertThat(viewer.get("/users").statusCode()).isEqualTo(403);
        assertThat(admin.get("/users").body()).contains("data-user=\"" + OPERATOR + "\"");

        // when the administrator creates a user
        HttpResponse<String> created = admin.post("/users", Map.of("username", "nina", "password", PASSWORD,
                "roles", "OPERATOR", "_csrf", admin.csrf()));

        // then the user exists, can log in, and the ledger names who created it
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/users"));
        ConsoleClient nina = new ConsoleClient(base());
        assertThat(nina.login("nina", PASSWORD)).doesNotContain("error");
        assertThat(nina.get("/").statusCode()).isEqualTo(200);
        assertThat(ledgerActors("USER_CREATED", "user:nina")).containsExactly(ADMIN);

        // when the administrator disables her
        admin.post("/users/nina", Map.of("roles", "OPERATOR", "_csrf", admin.csrf()));

        // then her open session ends with her next request
        HttpResponse<String> after = nina.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
        assertThat(ledgerActors("USER_CHANGED", "user:nina")).containsExactly(ADMIN);

        // and the last administrator cannot take the role from himself
        admin.post("/users/" + ADMIN, Map.of("roles", "OPERATOR", "enabled", "true", "_csrf", admin.csrf()));
        assertThat(users.find(ADMIN).orElseThrow().roles()).containsExactly(Role.ADMIN);
    }
}
