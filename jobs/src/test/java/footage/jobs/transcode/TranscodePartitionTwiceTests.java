package footage.jobs.transcode;

import footage.jobs.FootageProperties;
import footage.jobs.TestDatabases;
import footage.jobs.runs.JobRuns;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
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
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        TestDatabases.Database db = TestDatabases.freshPostgres();
        String home = Files.createTempDirectory("footage-transcode-twice-").toString();
        registry.add("footage.home", () -> home);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        // a queue nobody else uses: this worker runs its partitions here, not from the broker
        registry.add("footage.partition.queue", () -> QUEUE);
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
            try {
                bothAt.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BrokenBarrierException | TimeoutException e) {
                // the other run waits for this one's lock on the recording: go on alone
            }
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
        List<FileSpec> clips = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            clips.add(FileSpec.video(String.format("DSJ8200002_100234_20190302_0900%02d_%04d.mp4", i * 2, i),
                    VideoSpec.small(0.5 + 0.1 * i, "2019-03-02T09:00:0" + i + "Z")));
        }
        new SampleDumpGenerator().writeDump(properties.drop(), new DumpSpec("TWICE", "ST01", "DSJ8200002", "100234", "张三",
                "2019-03-02T18:00:00+08:00", "2019-03-02T18:00:00+08:00", true, clips));
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single()).isEqualTo(2L);
        // and a transcode whose partition (every id) is run twice at the same time
        JobParameters parameters = new JobParametersBuilder().addLong("run.at", System.currentTimeMillis()).toJobParameters();
        JobInstance transcode = repository.createJobInstance("transcodeJob", parameters);
        JobExecution job = repository.createJobExecution(transcode, parameters, new ExecutionContext());
        String name = TranscodeJobConfiguration.REMOTE_WORKER_STEP + ":partition0";
        StepExecution first = repository.createStepExecution(name, job);
        StepExecution second = repository.createStepExecution(name, job);

        // when both run
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> run(first));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> run(second));
        a.get(2, TimeUnit.MINUTES);
        b.get(2, TimeUnit.MINUTES);

        // then both completed, and each recording has one derivative per profile
        assertThat(repository.getStepExecution(first.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(repository.getStepExecution(second.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
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

    private void run(StepExecution partition) {
        try {
            workerStep.execute(partition);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
