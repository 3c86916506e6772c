package footage.jobs.transcode;

import footage.jobs.FootageProperties;
import footage.jobs.partition.PartitionTwice;
import footage.jobs.runs.JobRuns;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst case of delivery for the transcode on a worker: the same partition run by two processes at once (a
 * restart while its first worker still runs). Both read every derivative of the range before either catalogues it;
 * each must still be made once, with one catalog row and one ledger entry.
 */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.role=worker",
        "footage.transcode.make=proxy-360p,thumbnail"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscodePartitionTwiceTests {

    static final String QUEUE = "footage.test." + UUID.randomUUID().toString().substring(0, 12);

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) throws IOException {
        PartitionTwice.workerOnFreshPostgres(registry, "transcode", QUEUE);
    }

    /**
     * Before a derivative is made, each run waits (a little) for the other to get there too: without the worker's
     * rule both would make and catalogue every derivative; with it, the second waits for the first's commit instead.
     */
    static final class InStep extends TranscodePauseHook {

        final CyclicBarrier bothAt = new CyclicBarrier(2);

        InStep() {
            super("");
        }

        @Override
        int nextItem() {
            PartitionTwice.meet(bothAt);
            return super.nextItem();
        }
    }

    @TestConfiguration
    static class Hook {
        @Bean
        @Primary
        InStep inStep() {
            return new InStep();
        }
    }

    @Autowired
    JobRuns runs;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;
    @Autowired
    @Qualifier(TranscodeJobConfiguration.REMOTE_WORKER_STEP)
    Step workerStep;
    @Autowired
    AmqpAdmin amqp;

    @AfterAll
    void deleteQueue() {
        amqp.deleteQueue(QUEUE);
    }

    @Test
    void twoRunsOfOnePartitionAtOnceMakeEachDerivativeOnce() throws Exception {
        // given two archived recordings
        List<FileSpec> clips = PartitionTwice.ingestClips(runs, properties, "DSJ8200002", "2019-03-02", 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single()).isEqualTo(2L);

        // when a transcode's partition (every id) is run twice at the same time
        PartitionTwice.Runs twice = PartitionTwice.runTwice(repository, workerStep, "transcodeJob",
                TranscodeJobConfiguration.REMOTE_WORKER_STEP);

        // then both completed, and each recording has one derivative per profile
        assertThat(twice.first()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(twice.second()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT r.file_name || ' ' || d.profile || ' ' || d.status FROM derivatives d "
                        + "JOIN recordings r ON r.id = d.recording_id ORDER BY r.file_name, d.profile")
                .query(String.class).list()).containsExactly(
                clips.get(0).path() + " proxy-360p MADE",
                clips.get(0).path() + " thumbnail MADE",
                clips.get(1).path() + " proxy-360p MADE",
                clips.get(1).path() + " thumbnail MADE");
        // and one ledger entry per derivative
        assertThat(jdbc.sql("SELECT subject, COUNT(*) FROM ledger WHERE entry_type LIKE 'DERIVATIVE_%' GROUP BY subject")
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list())
                .containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT 'derivative:' || id || ' 1' FROM derivatives")
                        .query(String.class).list());
        // and the files are the catalogued ones, once each, with no temporary file left beside them
        Map<String, String> files = AbstractTranscodeJobTests.tree(properties.proxies());
        assertThat(files.keySet()).noneMatch(p -> p.contains(DurableFiles.TEMP_PREFIX));
        assertThat(files).isEqualTo(jdbc.sql("SELECT path, sha256 FROM derivatives")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
