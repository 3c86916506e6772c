package footage.jobs.runs;

import footage.jobs.FootageProcess;
import footage.jobs.TestCatalog;
import footage.jobs.TestDatabases;
import footage.jobs.TestDumps;
import footage.jobs.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code footage jobs restart|stop|abandon|show ID} when the execution's state does not allow it: exit 2 and one line
 * saying why (the same refusals from the launcher itself); and the operator's way out (stop, then abandon).
 */
class JobsCommandRefusalTests {

    @TempDir
    Path dir;

    private TestDatabases.Database db;
    private Path home;

    private record Result(int code, String out, String err) {
        /** The one line the CLI prints for a refusal or a usage error. */
        String reason() {
            return err.lines().filter(l -> l.startsWith("footage: ")).findFirst().orElse("(no reason in:\n" + err + ")");
        }
    }

    private Result footage(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--home", home.toString()));
        args.addAll(List.of(words));
        args.addAll(FootageProcess.postgres(db));
        args.addAll(List.of("--footage.ingest.quiet-period=0s", "--footage.operations.heartbeat=1s", "--footage.operations.lease=3s"));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void restartStopAndAbandonAreRefusedInOneLineWhenTheStateDoesNotAllowThem() {
        // given a completed ingest, and an ingest running in another process (paused between its files)
        db = TestDatabases.freshPostgres();
        home = dir.resolve("home");
        TestCatalog catalog = new TestCatalog(db);
        TestDumps.drop(home.resolve("drop"), "first", "DSJ0000930", 1);
        try (ConfigurableApplicationContext app = RunsFixture.application(home, db)) {
            JobRuns runs = app.getBean(JobRuns.class);
            String done = Long.toString(runs.run("ingestJob").getId());
            assertThat(catalog.executionStatus(Long.parseLong(done))).isEqualTo("COMPLETED");
            TestDumps.drop(home.resolve("drop"), "second", "DSJ0000931", 2);
            try (FootageProcess running = FootageProcess.command(home,
                    FootageProcess.logs(getClass(), "refusals").resolve("ingest.log"), db, List.of("ingest"),
                    "--footage.debug.pause-at=after-commit:1")) {
                running.awaitPause(RunsFixture.START);
                String id = Long.toString(RunsFixture.running(catalog));

                // when the completed one is restarted or stopped, the running one abandoned, an unknown one shown
                Result restartDone = footage("jobs", "restart", done);
                Result stopDone = footage("jobs", "stop", done);
                Result abandonRunning = footage("jobs", "abandon", id);
                Result showUnknown = footage("jobs", "show", "999");

                // then each is refused (exit 2) in one line saying why
                assertThat(restartDone.code()).isEqualTo(2);
                assertThat(restartDone.reason()).isEqualTo("footage: refused: execution " + done
                        + " of ingestJob COMPLETED: there is nothing to restart (start a new run instead)");
                assertThat(stopDone.code()).isEqualTo(2);
                assertThat(stopDone.reason()).isEqualTo("footage: refused: execution " + done
                        + " is COMPLETED, not running: nothing to stop");
                assertThat(abandonRunning.code()).isEqualTo(2);
                assertThat(abandonRunning.reason()).isEqualTo("footage: refused: execution " + id
                        + " is STARTED: stop it before abandoning it");
                assertThat(showUnknown.code()).isEqualTo(2);
                assertThat(showUnknown.reason()).isEqualTo("footage: refused: no job execution 999");

                // and through the same launcher: a completed one cannot be abandoned, a running one not restarted,
                // an unknown one not restarted
                assertThat(refusal(() -> runs.abandon(Long.parseLong(done)))).isEqualTo("execution " + done
                        + " is COMPLETED: only failed or stopped executions can be abandoned");
                assertThat(refusal(() -> runs.restart(Long.parseLong(id)))).isEqualTo("execution " + id
                        + " is STARTED and its process is alive: stop it first");
                assertThat(refusal(() -> runs.restart(999))).isEqualTo("no job execution 999");

                // when the running one is stopped (it ends STOPPED at a chunk boundary), then abandoned
                String steps = "SELECT step_execution_id, status, version FROM batch_step_execution WHERE job_execution_id = ? ORDER BY 1";
                List<String> stepsBefore = rowStrings(catalog.rows(steps, Long.parseLong(id)));
                runs.stop(Long.parseLong(id));

                // then only the job's execution is marked STOPPING: a step's execution saved from the stopping thread
                // races with the step's own next save, and the loser leaves the run UNKNOWN for good (JobRuns.markStopping)
                assertThat(catalog.executionStatus(Long.parseLong(id))).isEqualTo("STOPPING");
                assertThat(stepsBefore).isNotEmpty();
                assertThat(rowStrings(catalog.rows(steps, Long.parseLong(id)))).as("step executions after the stop").isEqualTo(stepsBefore);
                running.resume();
                running.awaitExit(Duration.ofSeconds(60));
                assertThat(catalog.executionStatus(Long.parseLong(id))).isEqualTo("STOPPED");
                Result abandonStopped = footage("jobs", "abandon", id);

                // then it is ABANDONED, and restarting it is refused for good
                assertThat(abandonStopped.code()).as(abandonStopped.err()).isZero();
                assertThat(abandonStopped.out()).contains("execution " + id + " is ABANDONED: it will not be restarted");
                assertThat(refusal(() -> runs.restart(Long.parseLong(id)))).isEqualTo("execution " + id
                        + " was ABANDONED: it can no longer be restarted");
            }
        }
    }

    private static List<String> rowStrings(List<Object[]> rows) {
        return rows.stream().map(java.util.Arrays::toString).toList();
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (JobRunRefused e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
