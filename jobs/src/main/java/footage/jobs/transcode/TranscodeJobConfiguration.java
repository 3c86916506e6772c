package footage.jobs.transcode;

import footage.jobs.FootageProperties;
import footage.jobs.continuity.ContinuityService;
import footage.jobs.continuity.ContinuityTasklet;
import footage.jobs.partition.IdRange;
import footage.jobs.partition.ManagerSteps;
import footage.jobs.partition.NodeRole;
import footage.jobs.partition.SettleOnce;
import footage.jobs.partition.WorkerSteps;
import footage.pipeline.transcode.DerivativeStore;
import footage.pipeline.transcode.Profile;
import footage.pipeline.transcode.Profiles;
import footage.pipeline.transcode.Transcoder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code transcodeJob}: remove what a killed run left half-written ({@code transcodeCleanupStep}), then make every
 * missing derivative and decode check ({@code transcodeStep}): the recordings are partitioned by id over
 * {@code footage.transcode.threads} worker steps ({@code transcodeWorkerStep}), each one derivative (or check) per
 * chunk, so a restart redoes at most the one in flight of each partition; then analyse the devices marked meanwhile
 * ({@code transcodeContinuityStep}). A cluster's manager ({@code footage.role=manager}) cuts the recordings into
 * id ranges instead and sends them to the workers, which run each in {@code transcodeRemoteWorkerStep}.
 */
@Configuration(proxyBeanMethods = false)
public class TranscodeJobConfiguration {

    /** The job's name: its bean, its runs in the job repository, what commands and schedules launch. */
    public static final String JOB_NAME = "transcodeJob";

    @Bean
    Job transcodeJob(JobRepository jobRepository, Step transcodeCleanupStep, Step transcodeStep,
                     Step transcodeContinuityStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(transcodeCleanupStep)
                .next(transcodeStep)
                .next(transcodeContinuityStep)
                .build();
    }

    /**
     * Last: the continuity analysis of the devices marked meanwhile (a recording the decode check found damaged
     * marks its device), so the DAMAGED finding exists when the job ends. Run by the whole job (a cluster's manager).
     */
    @Bean
    Step transcodeContinuityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 ContinuityService continuityService, FootageProperties properties) {
        return new StepBuilder("transcodeContinuityStep", jobRepository)
                .tasklet(new ContinuityTasklet(continuityService, properties), transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step transcodeCleanupStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              DerivativeStore derivativeStore, Profiles transcodeProfiles, TranscodeProperties transcode) {
        return new StepBuilder("transcodeCleanupStep", jobRepository)
                .tasklet(new TranscodeStartTasklet(derivativeStore, transcodeProfiles, transcode.partitions()),
                        transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    static final String REMOTE_WORKER_STEP = "transcodeRemoteWorkerStep";

    @Bean
    @ConditionalOnExpression(NodeRole.NOT_MANAGER)
    Step transcodeStep(JobRepository jobRepository, Step transcodeWorkerStep, TranscodeProperties transcode) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(transcodeWorkerStep);
        handler.setGridSize(transcode.partitions());
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("transcode-");
        threads.setConcurrencyLimit(transcode.partitions());
        handler.setTaskExecutor(threads);
        return new StepBuilder("transcodeStep", jobRepository)
                .partitioner("transcodeWorkerStep", byRecordingId())
                .partitionHandler(handler)
                .build();
    }

    /** Role manager: the recordings that may lack a derivative, cut into id ranges for the workers. */
    @Bean("transcodeStep")
    @ConditionalOnExpression(NodeRole.IS_MANAGER)
    Step transcodeManagerStep(ManagerSteps managerSteps, Derivatives derivatives, Profiles transcodeProfiles) {
        List<Profile> profiles = transcodeProfiles.all();
        return managerSteps.partitioned("transcodeStep", REMOTE_WORKER_STEP, step -> derivatives.candidates(profiles));
    }

    /**
     * Role worker: one id range of a manager's {@code transcodeStep}, with the single node's reader, processor and
     * writer; a derivative another run catalogued meanwhile is neither made nor catalogued again.
     */
    @Bean(REMOTE_WORKER_STEP)
    @ConditionalOnExpression(NodeRole.IS_WORKER)
    Step transcodeRemoteWorkerStep(WorkerSteps workerSteps, TranscodeReader transcodeReader,
                                   TranscodeProcessor transcodeProcessor, TranscodeWriter transcodeWriter,
                                   Derivatives derivatives, DecodeChecks decodeChecks) {
        return workerSteps.partition(REMOTE_WORKER_STEP, transcodeReader, transcodeProcessor, transcodeWriter,
                SettleOnce.Rule.underRecordingLock(TranscodeItem::recordingId, (item, partition) ->
                        item.decodeCheckOnly() ? decodeChecks.checked(item) : derivatives.catalogued(item)));
    }

    /** Partition i of n takes the recordings with id mod n = i; a restart keeps the first run's n. */
    private static Partitioner byRecordingId() {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (int i = 0; i < gridSize; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("partition", i);
                context.putInt("partitions", gridSize);
                partitions.put("partition" + i, context);
            }
            return partitions;
        };
    }

    /** One derivative per chunk: each is catalogued (with its ledger entry) as soon as it is in place. */
    @Bean
    Step transcodeWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             TranscodeReader transcodeReader, TranscodeProcessor transcodeProcessor,
                             TranscodeWriter transcodeWriter) {
        return new StepBuilder("transcodeWorkerStep", jobRepository)
                .<TranscodeItem, TranscodeOutcome>chunk(1)
                .transactionManager(transactionManager)
                .reader(transcodeReader)
                .processor(transcodeProcessor)
                .writer(transcodeWriter)
                .build();
    }

    @Bean
    @StepScope
    TranscodeReader transcodeReader(JdbcClient jdbc, Derivatives derivatives, Profiles transcodeProfiles,
                                    @Value("#{stepExecution}") StepExecution partition) {
        // a thread's partition of a single node, or an id range of a cluster's
        var context = partition.getExecutionContext();
        return new TranscodeReader(jdbc, derivatives, transcodeProfiles, IdRange.orAll(context),
                context.getInt("partition", 0), context.getInt("partitions", 1));
    }

    @Bean
    TranscodeProcessor transcodeProcessor(FootageProperties properties, DerivativeStore derivativeStore, JdbcClient jdbc,
                                          TranscodePauseHook transcodePauseHook) {
        return new TranscodeProcessor(properties, derivativeStore, jdbc, transcodePauseHook);
    }

    @Bean
    TranscodeWriter transcodeWriter(Derivatives derivatives, DecodeChecks decodeChecks, FootageProperties properties,
                                    TranscodePauseHook transcodePauseHook) {
        return new TranscodeWriter(derivatives, decodeChecks, properties, transcodePauseHook);
    }

    /** The profiles, checked (again) when bound: see {@link TranscodeProperties}. */
    @Bean
    Profiles transcodeProfiles(TranscodeProperties transcode) {
        return transcode.load();
    }

    @Bean
    Transcoder transcoder() {
        return new Transcoder();
    }

    @Bean
    DerivativeStore derivativeStore(FootageProperties properties, Transcoder transcoder) throws IOException {
        return new DerivativeStore(properties.proxies(), transcoder);
    }
}
