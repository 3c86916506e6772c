package footage.jobs.partition;

import footage.jobs.FootageProcess;
import footage.pipeline.archive.DurableFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transcode and the fixity audit on a real cluster: a manager JVM per command ({@code footage.role=manager}) and
 * two worker JVMs on a fresh PostgreSQL database and the machine's RabbitMQ. Both workers pause on their first item
 * of each run until the other has taken a partition too, so the partitions are spread over both whatever the timing.
 */
class ClusterTranscodeFixityTests {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration RUN = Duration.ofMinutes(4);
    private static final String PROFILES = "--footage.transcode.make=proxy-360p,thumbnail";

    @TempDir
    Path work;

    private TestCluster cluster;

    @BeforeEach
    void cluster() {
        cluster = new TestCluster(work);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aManagerAndTwoWorkersTranscodeAndAuditEveryRecordingOnceWithPartitionsOnBothWorkers() throws Exception {
        // given an archive of 17 recordings, ingested by the cluster, and two workers that pause on the first
        // derivative and on the first object they take
        Map<String, String> sources = ClusterDrops.write(cluster.home.resolve("drop"), 4, 4, 0.5, 1.0, 3);
        int recordings = new HashSet<>(sources.values()).size();
        FootageProcess a = worker("worker-a");
        FootageProcess b = worker("worker-b");
        a.awaitServing(START);
        b.awaitServing(START);
        FootageProcess ingest = manager("manager-ingest", "ingest");
        assertThat(ingest.awaitExit(RUN)).as(ingest.tail()).isZero();
        assertThat(single("SELECT COUNT(*) FROM recordings")).isEqualTo(recordings);

        // when a manager runs the transcode
        FootageProcess transcode = manager("manager-transcode", "transcode");
        bothPausedThenResumed(a, b, "PAUSED after-commit");
        int transcodeExit = transcode.awaitExit(RUN);

        // then it completes with each recording's two derivatives made (or skipped) once, all by the workers
        assertThat(transcodeExit).as(transcode.tail()).isZero();
        assertThat(transcode.output()).contains("transcode: COMPLETED");
        long derivatives = 2L * recordings;
        assertThat(single("SELECT COUNT(*) FROM derivatives")).isEqualTo(derivatives);
        assertThat(single("SELECT COUNT(*) FROM derivatives WHERE status = 'MADE'")).isPositive();
        assertThat(single("SELECT COUNT(*) FROM ledger WHERE entry_type IN ('DERIVATIVE_MADE', 'DERIVATIVE_SKIPPED')"))
                .isEqualTo(derivatives);
        assertThat(single("SELECT COUNT(DISTINCT subject) FROM ledger WHERE entry_type IN ('DERIVATIVE_MADE', 'DERIVATIVE_SKIPPED')"))
                .isEqualTo(derivatives);
        assertThat(proxyFiles()).hasSize((int) single("SELECT COUNT(*) FROM derivatives WHERE status = 'MADE'"));
        assertSpreadOverBoth("transcodeRemoteWorkerStep", a, b, derivatives);
        // and every recording with a stream is decode-checked once, by the workers' proxy encodes
        long decodable = single("SELECT COUNT(*) FROM recordings WHERE video_codec IS NOT NULL OR audio_codec IS NOT NULL");
        assertThat(decodable).isPositive();
        assertThat(single("SELECT COUNT(*) FROM recordings WHERE decode_checked_at IS NOT NULL")).isEqualTo(decodable);
        assertThat(single("SELECT COUNT(DISTINCT subject) FROM ledger WHERE entry_type = 'DECODE_CHECKED'")).isEqualTo(decodable);
        assertThat(single("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DECODE_CHECKED'")).isEqualTo(decodable);

        // when a manager runs a fixity audit
        FootageProcess fixity = manager("manager-fixity", "fixity");
        bothPausedThenResumed(a, b, "PAUSED fixity 1");
        int fixityExit = fixity.awaitExit(RUN);

        // then every recording is re-hashed once by this audit: one result, one ledger entry each, all OK
        assertThat(fixityExit).as(fixity.tail()).isZero();
        assertThat(rows("SELECT fixity_status, COUNT(*), COUNT(DISTINCT fixity_audit) FROM recordings GROUP BY fixity_status"))
                .containsExactly("OK " + recordings + " 1");
        assertThat(single("SELECT COUNT(*) FROM ledger WHERE entry_type = 'FIXITY_CHECKED'")).isEqualTo(recordings);
        assertThat(single("SELECT COUNT(DISTINCT subject) FROM ledger WHERE entry_type = 'FIXITY_CHECKED'")).isEqualTo(recordings);
        assertThat(single("SELECT COUNT(*) FROM ledger WHERE entry_type = 'FIXITY_FAILED'")).isZero();
        assertSpreadOverBoth("fixityAuditWorkerStep", a, b, recordings);
        // and the manager's report covers the whole audit
        assertThat(fixity.output()).contains("re-hashed by this audit, " + recordings + " OK, 0 FAILED");
    }

    /** Each worker holds its first item until the other has one too; then both go on. */
    private static void bothPausedThenResumed(FootageProcess a, FootageProcess b, String pause) {
        a.awaitLine(l -> l.equals(pause), RUN, pause);
        b.awaitLine(l -> l.equals(pause), RUN, pause);
        a.resume();
        b.resume();
    }

    private void assertSpreadOverBoth(String workerStep, FootageProcess a, FootageProcess b, long items) throws SQLException {
        List<String> partitions = rows("SELECT s.STATUS, s.WRITE_COUNT, c.node_id FROM BATCH_STEP_EXECUTION s "
                + "JOIN partition_claims c ON c.step_execution_id = s.STEP_EXECUTION_ID WHERE s.STEP_NAME LIKE '" + workerStep + ":%'");
        assertThat(partitions).hasSize(8).allSatisfy(p -> assertThat(p).startsWith("COMPLETED "));
        assertThat(partitions).as("partitions on worker a").anyMatch(p -> p.contains(":" + a.pid() + ":"));
        assertThat(partitions).as("partitions on worker b").anyMatch(p -> p.contains(":" + b.pid() + ":"));
        assertThat(partitions).allMatch(p -> p.contains(":" + a.pid() + ":") || p.contains(":" + b.pid() + ":"));
        assertThat(partitions.stream().mapToLong(p -> Long.parseLong(p.split(" ")[1])).sum()).isEqualTo(items);
    }

    private FootageProcess worker(String name) {
        return cluster.worker(name, List.of(PROFILES, "--footage.debug.transcode-pause-at=after-commit:1",
                "--footage.debug.fixity-pause-at=1"));
    }

    private FootageProcess manager(String name, String command) {
        return cluster.manager(name, List.of(command), List.of(PROFILES));
    }

    private List<Path> proxyFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(cluster.home.resolve("proxies"))) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            assertThat(files).noneMatch(DurableFiles::isTemp);
            return files;
        }
    }

    private long single(String sql) throws SQLException {
        return cluster.single(sql);
    }

    private List<String> rows(String sql) throws SQLException {
        return cluster.rows(sql);
    }
}
