package footage.jobs.partition;

import footage.jobs.FootageProcess;
import footage.pipeline.archive.DurableFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real cluster on one machine: worker JVMs ({@code serve --role worker}) and manager JVMs ({@code ingest} or
 * {@code jobs restart} with {@code footage.role=manager}) on a fresh PostgreSQL database, the machine's RabbitMQ
 * (a queue of their own) and one home folder standing in for the storage every node mounts.
 */
class ClusterIngestTests {

    private static final String WORKER_STEP = "ingestFilesWorkerStep";
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration RUN = Duration.ofMinutes(5);

    @TempDir
    Path work;

    private TestCluster cluster;
    private Path home;

    @BeforeEach
    void cluster() {
        cluster = new TestCluster(work);
        home = cluster.home;
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aManagerAndTwoWorkersIngestEveryFileOnceWithPartitionsOnBothWorkers() throws Exception {
        // given a drop of 68 recordings in 8 dumps (65 distinct: one recording docked from four devices), and worker a,
        // which holds on to its first partition until worker b has taken one (on an idle machine one worker could
        // otherwise finish such tiny partitions before the other's first poll)
        Map<String, String> sources = ClusterDrops.write(home.resolve("drop"), 8, 8, 0.5, 1.0, 1);
        assertThat(sources).hasSizeGreaterThanOrEqualTo(60);
        FootageProcess a = worker("worker-a", "--footage.debug.pause-at=after-commit:1");
        a.awaitServing(START);

        // when a manager runs the ingest, and worker b joins
        FootageProcess manager = manager("manager", List.of("ingest"));
        a.awaitPause(RUN);
        FootageProcess b = worker("worker-b");
        awaitPartitionOn(b);
        a.resume();
        int exit = manager.awaitExit(RUN);

        // then it completes, and every file is archived and catalogued once
        assertThat(exit).as(manager.tail()).isZero();
        assertThat(manager.output()).contains("ingest: COMPLETED");
        assertEveryFileOnce(sources);
        // and the 8 partitions were spread over both workers, which wrote all the files between them
        List<Partition> partitions = partitions();
        assertThat(partitions).hasSize(8).allSatisfy(p -> assertThat(p.status()).isEqualTo("COMPLETED"));
        assertThat(partitions.stream().filter(p -> p.ranOn(a)).count()).as(partitions.toString()).isPositive();
        assertThat(partitions.stream().filter(p -> p.ranOn(b)).count()).as(partitions.toString()).isPositive();
        assertThat(partitions.stream().allMatch(p -> p.ranOn(a) || p.ranOn(b))).isTrue();
        assertThat(partitions.stream().mapToLong(Partition::written).sum()).isEqualTo(sources.size());
    }

    @Test
    void brokerDownOrNoWorkerFailsCleanlyAndAWorkerKilledMidPartitionIsRedoneByARestartWithNothingLostOrDoubled() throws Exception {
        // given a drop, and a manager whose broker is down (nothing listens on its port)
        Map<String, String> sources = ClusterDrops.write(home.resolve("drop"), 8, 8, 0.5, 1.0, 2);
        FootageProcess down = manager("manager-broker-down", List.of("ingest"),
                "--spring.rabbitmq.port=" + TestBroker.closedPort());

        // when the ingest runs
        int downExit = down.awaitExit(RUN);

        // then the job fails, saying why, having taken in nothing and leaving nothing that blocks a restart
        assertThat(downExit).as(down.tail()).isEqualTo(1);
        assertThat(down.output()).contains("ingest: FAILED").containsIgnoringCase("connection refused");
        assertThat(pendingFiles()).isEqualTo(sources.size());
        assertThat(partitions()).hasSize(8).allSatisfy(p -> assertThat(p.status()).isEqualTo("FAILED"));
        assertThat(archiveObjects()).isEmpty();

        // when it is restarted with the broker back but no worker running
        FootageProcess idle = manager("manager-no-worker", List.of("jobs", "restart", Long.toString(lastExecution())),
                "--footage.partition.pickup-timeout=3s");
        int idleExit = idle.awaitExit(RUN);

        // then it fails after the pickup timeout instead of waiting for the step's timeout, again having taken in nothing
        assertThat(idleExit).as(idle.tail()).isEqualTo(1);
        assertThat(partitions(lastExecution())).hasSize(8).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("FAILED");
            assertThat(p.exitDescription()).contains("no worker took it within footage.partition.pickup-timeout");
        });
        assertThat(pendingFiles()).isEqualTo(sources.size());
        long firstExecution = lastExecution();
        // (worker a starts now; the stale requests of that attempt wait for it in the queue, and it must drop them)
        FootageProcess a = worker("worker-a", "--footage.debug.pause-at=mid-copy:3");

        // when the broker is back and the job is restarted, worker a is killed -9 in the middle of its partition,
        // and worker b joins
        a.awaitServing(START);
        FootageProcess restart = manager("manager-restart-1", List.of("jobs", "restart", Long.toString(firstExecution)));
        assertThat(a.awaitPause(RUN)).isEqualTo("PAUSED mid-copy");
        a.kill();
        FootageProcess b = worker("worker-b");
        int restartExit = restart.awaitExit(RUN);

        // then the manager fails the dead worker's partition, b completes the others, and the job fails
        assertThat(restartExit).as(restart.tail()).isEqualTo(1);
        long secondExecution = lastExecution();
        List<Partition> second = partitions(secondExecution);
        assertThat(second).hasSize(8);
        List<Partition> killed = second.stream().filter(p -> p.ranOn(a)).toList();
        assertThat(killed).hasSize(1).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("FAILED");
            assertThat(p.exitDescription()).contains("worker").contains("stopped");
        });
        assertThat(second.stream().filter(p -> !p.ranOn(a))).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("COMPLETED");
            assertThat(p.ranOn(b)).isTrue();
        });
        assertThat(pendingFiles()).isPositive();

        // when the job is restarted again
        FootageProcess again = manager("manager-restart-2", List.of("jobs", "restart", Long.toString(secondExecution)));
        int againExit = again.awaitExit(RUN);

        // then only the unfinished partition runs again, and every file ends up archived and catalogued exactly once
        assertThat(againExit).as(again.tail()).isZero();
        List<Partition> third = partitions(lastExecution());
        assertThat(third).hasSize(1).allSatisfy(p -> {
            assertThat(p.name()).isEqualTo(killed.get(0).name());
            assertThat(p.status()).isEqualTo("COMPLETED");
            assertThat(p.ranOn(b)).isTrue();
        });
        assertEveryFileOnce(sources);
    }

    private FootageProcess worker(String name, String... extra) {
        return cluster.worker(name, List.of(extra));
    }

    private FootageProcess manager(String name, List<String> words, String... extra) {
        return cluster.manager(name, words, List.of(extra));
    }

    private void awaitPartitionOn(FootageProcess worker) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (partitions().stream().noneMatch(p -> p.ranOn(worker))) {
            assertThat(System.nanoTime()).as("no partition taken by " + worker.pid() + ":\n" + worker.tail()).isLessThan(deadline);
            assertThat(worker.alive()).as(worker.tail()).isTrue();
            Thread.sleep(200);
        }
    }

    record Partition(long jobExecutionId, String name, String status, long written, String exitDescription, String nodeId) {

        boolean ranOn(FootageProcess worker) {
            return nodeId != null && nodeId.contains(":" + worker.pid() + ":");
        }
    }

    private List<Partition> partitions() throws SQLException {
        return partitions(-1);
    }

    private List<Partition> partitions(long jobExecutionId) throws SQLException {
        List<Partition> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT s.JOB_EXECUTION_ID, s.STEP_NAME, s.STATUS, s.WRITE_COUNT, s.EXIT_MESSAGE, c.node_id "
                        + "FROM BATCH_STEP_EXECUTION s LEFT JOIN partition_claims c ON c.step_execution_id = s.STEP_EXECUTION_ID "
                        + "WHERE s.STEP_NAME LIKE '" + WORKER_STEP + ":%'"
                        + (jobExecutionId < 0 ? "" : " AND s.JOB_EXECUTION_ID = " + jobExecutionId)
                        + " ORDER BY s.STEP_EXECUTION_ID")) {
            while (rs.next()) {
                out.add(new Partition(rs.getLong(1), rs.getString(2).substring(WORKER_STEP.length() + 1), rs.getString(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    private long lastExecution() throws SQLException {
        return single("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
    }

    private long pendingFiles() throws SQLException {
        return single("SELECT COUNT(*) FROM dump_files WHERE status = 'PENDING'");
    }

    /** Each source file settled once (one ledger entry), each distinct content one recording and one archive object. */
    private void assertEveryFileOnce(Map<String, String> sources) throws Exception {
        Set<String> distinct = new HashSet<>(sources.values());
        assertThat(rows("SELECT status, COUNT(*) FROM dump_files GROUP BY status ORDER BY status"))
                .containsExactly("ARCHIVED " + distinct.size(), "DUPLICATE " + (sources.size() - distinct.size()));
        assertThat(rows("SELECT sha256 FROM recordings")).containsExactlyInAnyOrderElementsOf(distinct);
        assertThat(single("SELECT COUNT(*) FROM ledger WHERE subject LIKE 'dump-file:%'")).isEqualTo(sources.size());
        assertThat(single("SELECT COUNT(DISTINCT subject) FROM ledger WHERE subject LIKE 'dump-file:%'")).isEqualTo(sources.size());
        assertThat(single("SELECT COUNT(*) FROM ledger WHERE entry_type = 'RECORDING_ARCHIVED'")).isEqualTo(distinct.size());
        assertThat(rows("SELECT DISTINCT status FROM dumps")).containsExactly("DONE");
        assertThat(archiveObjects()).containsExactlyInAnyOrderElementsOf(distinct.stream().map(h -> h + ".mp4").toList());
        try (Stream<Path> walk = Files.walk(home)) {
            assertThat(walk.filter(Files::isRegularFile).filter(DurableFiles::isTemp).toList()).isEmpty();
        }
        Map<String, String> left = ClusterDrops.sources(home.resolve("drop"));
        left.keySet().removeIf(p -> p.startsWith(".done/"));
        assertThat(left).as("source files left outside drop/.done").isEmpty();
    }

    private List<String> archiveObjects() throws IOException {
        Path objects = home.resolve("archive").resolve("sha256");
        if (!Files.isDirectory(objects)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(objects)) {
            return walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private Connection connect() throws SQLException {
        return cluster.connect();
    }

    private long single(String sql) throws SQLException {
        return cluster.single(sql);
    }

    private List<String> rows(String sql) throws SQLException {
        return cluster.rows(sql);
    }
}
