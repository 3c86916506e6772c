package footage.jobs.schedule;

import footage.jobs.FootageProcess;
import footage.jobs.TestCatalog;
import footage.jobs.TestDatabases;
import footage.jobs.TestDumps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code serve} processes on one PostgreSQL catalog with {@code footage.schedule.clustered=true}, sharing one home
 * folder (drop folder and archive) as cluster nodes share a file server, an ingest firing every 2 s and dumps dropped
 * over several firings, the node that ran the latest firing stopped half-way: each firing runs on one node only, the
 * other node takes the schedule over, no two ingest executions overlap, and every file is taken in once.
 */
class ClusteredServeTests {

    private static final Pattern FIRING = Pattern.compile("schedule ingest \\(firing of (\\S+)\\): execution (\\d+) ended (\\w+)");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoClusteredServesRunEachFiringOnceAndTakeEveryFileInOnce() throws Exception {
        // given a fresh catalog and two serve processes started together, clustered, on one home folder
        TestDatabases.Database db = TestDatabases.freshPostgres();
        TestCatalog catalog = new TestCatalog(db);
        Path home = dir.resolve("home");
        Path logs = FootageProcess.logs(getClass(), "cluster");
        Set<String> sources = new HashSet<>();
        String[] clustered = {"--footage.schedule.clustered=true",
                // an idle node looks for due triggers every second (Quartz's default is 30 s), so both nodes take firings
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000"};
        try (FootageProcess a = FootageProcess.serve(home, logs.resolve("a.log"), db, clustered);
             FootageProcess b = FootageProcess.serve(home, logs.resolve("b.log"), db, clustered)) {
            a.awaitServing(Duration.ofSeconds(90));
            b.awaitServing(Duration.ofSeconds(90));

            // when two dumps of two recordings each are dropped over several firings
            drop(home, sources, 1, 2);
            TestCatalog.await("dumps 1 and 2 DONE", Duration.ofSeconds(90),
                    () -> catalog.strings("SELECT status FROM dumps").equals(List.of("DONE", "DONE")),
                    () -> "a:\n" + a.tail() + "\nb:\n" + b.tail());

            // and the node that ran the latest firing stops (SIGTERM), and two more dumps are dropped
            FootageProcess latest = latestFiring(a).compareTo(latestFiring(b)) > 0 ? a : b;
            FootageProcess other = latest == a ? b : a;
            latest.terminate(Duration.ofSeconds(60));
            drop(home, sources, 3, 4);
            TestCatalog.await("every dump DONE", Duration.ofSeconds(90),
                    () -> catalog.strings("SELECT status FROM dumps").equals(List.of("DONE", "DONE", "DONE", "DONE")),
                    () -> "a:\n" + a.tail() + "\nb:\n" + b.tail());
            Thread.sleep(4000); // a few more firings with nothing to do
            other.terminate(Duration.ofSeconds(60));

            // then each firing was run by one node only, each run once
            Map<String, List<String>> firings = new HashMap<>();
            List<Long> executions = new ArrayList<>();
            for (FootageProcess p : List.of(a, b)) {
                for (String line : p.lines()) {
                    Matcher m = FIRING.matcher(line);
                    if (m.find()) {
                        firings.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(p == a ? "a" : "b");
                        executions.add(Long.parseLong(m.group(2)));
                        assertThat(m.group(3)).as(line).isIn("COMPLETED", "STOPPED");
                    }
                }
                assertThat(p.output()).as("a firing skipped because the job was running elsewhere").doesNotContain("): skipped,");
            }
            assertThat(firings).as("firings").hasSizeGreaterThanOrEqualTo(6);
            assertThat(firings.values().stream().flatMap(List::stream).distinct()).as("nodes that ran firings")
                    .containsExactlyInAnyOrder("a", "b");
            firings.forEach((time, nodes) -> assertThat(nodes).as("nodes that ran the firing of " + time).hasSize(1));
            assertThat(catalog.strings("SELECT job_execution_id FROM batch_job_execution")).hasSameSizeAs(executions);
            assertThat(catalog.strings("SELECT job_instance_id FROM batch_job_execution GROUP BY job_instance_id "
                    + "HAVING COUNT(*) > 1")).as("job instances run more than once").isEmpty();

            // and no two ingest executions overlapped in time
            List<Object[]> runs = catalog.rows("SELECT e.job_execution_id, e.start_time, e.end_time, e.status FROM "
                    + "batch_job_execution e ORDER BY e.start_time");
            for (int i = 0; i < runs.size(); i++) {
                // a run caught by the SIGTERM stops at a chunk boundary; a later firing takes in the rest
                assertThat(runs.get(i)[3]).as("execution " + runs.get(i)[0]).isIn("COMPLETED", "STOPPED");
                if (i > 0) {
                    LocalDateTime previousEnd = ((java.sql.Timestamp) runs.get(i - 1)[2]).toLocalDateTime();
                    LocalDateTime start = ((java.sql.Timestamp) runs.get(i)[1]).toLocalDateTime();
                    assertThat(start).as("execution " + runs.get(i)[0] + " started before execution " + runs.get(i - 1)[0]
                            + " ended").isAfterOrEqualTo(previousEnd);
                }
            }
        }

        // and every file was taken in once: one settlement per dump file, one archive object per recording
        assertThat(catalog.strings("SELECT status FROM dump_files")).hasSize(8).containsOnly("ARCHIVED");
        assertThat(catalog.strings("SELECT subject FROM ledger WHERE subject LIKE 'dump-file:%' GROUP BY subject "
                + "HAVING COUNT(*) > 1")).as("dump files settled more than once").isEmpty();
        assertThat(catalog.strings("SELECT DISTINCT processed_by FROM dump_files")).isNotEmpty();
        assertThat(catalog.strings("SELECT sha256 FROM recordings")).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(TestDumps.archivedHashes(home)).containsExactlyInAnyOrderElementsOf(sources);
    }

    private static void drop(Path home, Set<String> sources, int from, int to) throws InterruptedException {
        for (int i = from; i <= to; i++) {
            sources.addAll(TestDumps.drop(home.resolve("drop"), "dump" + i, "DSJ000070" + i, 2));
            Thread.sleep(2500);
        }
    }

    /** The scheduled time of the latest firing the node ran ("" when none). */
    private static String latestFiring(FootageProcess node) {
        return node.lines().stream().map(FIRING::matcher).filter(Matcher::find).map(m -> m.group(1)).max(String::compareTo)
                .orElse("");
    }
}
