package footage.jobs.partition;

import footage.jobs.FootageProperties;
import footage.jobs.TestDatabases;
import footage.jobs.runs.JobRuns;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The worst case of delivery on a worker, for the tests of each partitioned job: the same partition run by two
 * processes at once (a restart while its first worker still runs), here as two runs of one worker step in one JVM.
 */
public final class PartitionTwice {

    private PartitionTwice() {
    }

    /** A worker on a fresh PostgreSQL catalog and home, with a queue nobody else uses: it runs partitions handed here. */
    public static void workerOnFreshPostgres(DynamicPropertyRegistry registry, String name, String queue)
            throws IOException {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        String home = Files.createTempDirectory("footage-" + name + "-twice-").toString();
        registry.add("footage.home", () -> home);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("footage.partition.queue", () -> queue);
    }

    /**
     * Called by each run before it works on an item: it waits (a little) for the other to get there too, so that
     * without the worker's rule both would do the item; with it, the second waits for the first's commit instead.
     */
    public static void meet(CyclicBarrier bothAt) {
        try {
            bothAt.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // the other run waits for this one's lock on the recording: go on alone
        }
    }

    /** Ingests {@code count} small generated recordings of one device recorded on {@code day} (yyyy-MM-dd). */
    public static List<FileSpec> ingestClips(JobRuns runs, FootageProperties properties, String device, String day,
                                             int count) throws IOException {
        List<FileSpec> clips = new ArrayList<>();
        String compact = day.replace("-", "");
        for (int i = 1; i <= count; i++) {
            clips.add(FileSpec.video(String.format("%s_100234_%s_0900%02d_%04d.mp4", device, compact, i * 2, i),
                    VideoSpec.small(0.5 + 0.1 * i, day + "T09:00:0" + i + "Z")));
        }
        new SampleDumpGenerator().writeDump(properties.drop(), new DumpSpec("TWICE", "ST01", device, "100234", "张三",
                day + "T18:00:00+08:00", day + "T18:00:00+08:00", true, clips));
        BatchStatus ingest = runs.run("ingestJob").getStatus();
        if (ingest != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the ingest of the test clips ended " + ingest);
        }
        return clips;
    }

    /** How the two runs ended, and the job instance they ran in. */
    public record Runs(long instanceId, BatchStatus first, BatchStatus second) {
    }

    /** Runs partition 0 (every id) of a new instance of {@code job} twice at the same time with {@code workerStep}. */
    public static Runs runTwice(JobRepository repository, Step workerStep, String job, String workerStepName)
            throws Exception {
        JobParameters parameters = new JobParametersBuilder().addLong("run.at", System.currentTimeMillis()).toJobParameters();
        JobInstance instance = repository.createJobInstance(job, parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        StepExecution first = repository.createStepExecution(workerStepName + ":partition0", execution);
        StepExecution second = repository.createStepExecution(workerStepName + ":partition0", execution);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> run(workerStep, first));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> run(workerStep, second));
        a.get(2, TimeUnit.MINUTES);
        b.get(2, TimeUnit.MINUTES);
        return new Runs(instance.getInstanceId(), repository.getStepExecution(first.getId()).getStatus(),
                repository.getStepExecution(second.getId()).getStatus());
    }

    private static void run(Step step, StepExecution partition) {
        try {
            step.execute(partition);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
