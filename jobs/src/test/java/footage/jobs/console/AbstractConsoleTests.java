package footage.jobs.console;

import footage.jobs.runs.JobRuns;
import footage.jobs.schedule.Schedules;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application for every console test class: {@code footage serve}'s servlet context on a random port, a temp
 * home, the schedules started (with firings far in the future, so nothing fires by itself), an operator and a viewer
 * besides the configured administrator, and the test jobs of {@link ConsoleTestJobs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "footage.console.admin-password=" + AbstractConsoleTests.ADMIN_PASSWORD,
        "footage.console.refresh=1s",
        "footage.metrics.token=" + AbstractConsoleTests.METRICS_TOKEN,
        "footage.schedule.ingest.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.report.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.fixity.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.sweep.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.transcode.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.supervision.cron=0 0 0 1 1 ? 2099"})
@Import(ConsoleTestJobs.class)
abstract class AbstractConsoleTests {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String OPERATOR = "olga";
    static final String VIEWER = "victor";
    static final String PASSWORD = "password-for-tests";
    static final String METRICS_TOKEN = "metrics-token-for-the-console-tests";

    @LocalServerPort
    int port;
    @Autowired
    JobRuns runs;
    @Autowired
    ConsoleUsers users;
    @Autowired
    Schedules schedules;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsoleTestJobs.Flaky flaky;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("footage.home", () -> {
            try {
                return Files.createTempDirectory("footage-console-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @BeforeEach
    void operatorViewerAndSchedules() throws Exception {
        if (users.find(OPERATOR).isEmpty()) {
            users.create(OPERATOR, PASSWORD, EnumSet.of(Role.OPERATOR), ADMIN);
            users.create(VIEWER, PASSWORD, EnumSet.of(Role.VIEWER, Role.EVIDENCE_STAFF), ADMIN);
        }
        if (!schedules.running()) {
            schedules.start();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** A new run of the flaky job that failed in its step. */
    long failedExecution() {
        flaky.failNext.set(true);
        JobExecution e = runs.run(ConsoleTestJobs.FLAKY_JOB);
        assertThat(e.getStatus()).isEqualTo(BatchStatus.FAILED);
        return e.getId();
    }

    List<Long> executionsOfInstanceOf(long executionId) {
        return jdbc.sql("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = "
                        + "(SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?) ORDER BY JOB_EXECUTION_ID")
                .param(executionId).query(Long.class).list();
    }

    String status(long executionId) {
        return jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?").param(executionId)
                .query(String.class).single();
    }

    List<String> ledgerActors(String type, String subject) {
        return jdbc.sql("SELECT actor FROM ledger WHERE entry_type = ? AND subject = ? ORDER BY seq").params(type, subject)
                .query(String.class).list();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
