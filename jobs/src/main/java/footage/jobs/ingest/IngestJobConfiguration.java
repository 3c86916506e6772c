package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.PendingFile;
import footage.jobs.continuity.ContinuityMarks;
import footage.jobs.continuity.ContinuityProperties;
import footage.jobs.continuity.ContinuityService;
import footage.jobs.continuity.ContinuityTasklet;
import footage.jobs.retention.Retention;
import footage.pipeline.archive.ContentArchive;
import footage.pipeline.archive.ReadAhead;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.SilenceDetector;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;

/**
 * {@code ingestJob}: discover and register dumps, take in their files a few at a time, analyse the touched devices'
 * timelines, finish the dumps.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

    /** The job's name: its bean, its runs in the job repository, what commands and schedules launch. */
    public static final String JOB_NAME = "ingestJob";

    @Bean
    Job ingestJob(JobRepository jobRepository, Step discoverDumpsStep, Step ingestFilesStep, Step continuityStep,
                  Step finishDumpsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new RestartableAfterLostConnection(jobRepository))
                .start(discoverDumpsStep)
                .next(ingestFilesStep)
                .next(continuityStep)
                .next(finishDumpsStep)
                .build();
    }

    @Bean
    Step discoverDumpsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           DumpDiscoveryTasklet discoverDumpsTasklet) {
        return new StepBuilder("discoverDumpsStep", jobRepository)
                .tasklet(discoverDumpsTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * A chunk is {@code footage.ingest.files-at-once} files taken in side by side, catalogued in one commit (a group
     * commit): while one file's last bytes are fsynced and it is probed, the next is copied, so the disk is kept
     * busy. Each file is durable (fsynced, renamed, folder fsynced) before the commit that names it; a restart redoes
     * at most the chunk that was in flight, finding its durable objects already archived. A cluster manager
     * ({@code footage.role=manager}) has a remote partitioned step of this name instead (footage.jobs.partition).
     */
    @Bean
    @ConditionalOnExpression("!'${footage.role:all}'.equalsIgnoreCase('manager')")
    Step ingestFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         PendingFileReader ingestFilesReader, IngestFileProcessor ingestFilesProcessor,
                         IngestFileWriter ingestFilesWriter, FootageProperties properties) {
        int atOnce = properties.ingest().filesAtOnce();
        ChunkOrientedStepBuilder<PendingFile, FileOutcome> step = new StepBuilder("ingestFilesStep", jobRepository)
                .<PendingFile, FileOutcome>chunk(atOnce)
                .transactionManager(transactionManager)
                .reader(ingestFilesReader)
                .processor(ingestFilesProcessor)
                .writer(ingestFilesWriter)
                .listener(ingestFilesWriter)
                .allowStartIfComplete(true);
        if (atOnce > 1) {
            SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("ingest-file-");
            threads.setConcurrencyLimit(atOnce);
            step.taskExecutor(threads);
        }
        return step.build();
    }

    /** After the files are catalogued: timelines of every device marked as needing analysis (docs/architecture.md §3). */
    @Bean
    Step continuityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        ContinuityTasklet continuityTasklet, PauseHook pauseHook) {
        return new StepBuilder("continuityStep", jobRepository)
                .tasklet((contribution, chunk) -> {
                    RepeatStatus status = continuityTasklet.execute(contribution, chunk);
                    pauseHook.atStep("in-continuity");
                    return status;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    ContinuityTasklet continuityTasklet(ContinuityService continuityService, FootageProperties properties) {
        return new ContinuityTasklet(continuityService, properties);
    }

    @Bean
    Step finishDumpsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         FinishDumpsTasklet finishDumpsTasklet) {
        return new StepBuilder("finishDumpsStep", jobRepository)
                .tasklet(finishDumpsTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    DumpDiscoveryTasklet discoverDumpsTasklet(FootageProperties properties, Catalog catalog, ContentArchive archive,
                                              Quarantine quarantine, ContinuityMarks continuityMarks,
                                              PlatformTransactionManager transactionManager) {
        return new DumpDiscoveryTasklet(properties, catalog, archive, quarantine, continuityMarks, transactionManager);
    }

    @Bean
    PendingFileReader ingestFilesReader(Catalog catalog, FootageProperties properties, ReadAhead ingestReadAhead,
                                        IngestProgress ingestProgress) {
        return new PendingFileReader(catalog, properties, ingestReadAhead, ingestProgress);
    }

    /** One background reader for the life of the application; closed with it. */
    @Bean
    ReadAhead ingestReadAhead() {
        return new ReadAhead();
    }

    @Bean
    IngestFileProcessor ingestFilesProcessor(FootageProperties properties, ContentArchive archive, Quarantine quarantine,
                                             MediaProbe mediaProbe, PauseHook pauseHook,
                                             ContinuityProperties continuity) {
        SilenceDetector silence = continuity.audioSilent()
                ? new SilenceDetector(continuity.silenceLevel(), continuity.keptSilenceSeconds()) : null;
        return new IngestFileProcessor(properties, archive, quarantine, mediaProbe, pauseHook, silence);
    }

    @Bean
    IngestFileWriter ingestFilesWriter(FootageProperties properties, Catalog catalog, PauseHook pauseHook,
                                       Retention retention, ContinuityMarks continuityMarks) {
        return new IngestFileWriter(properties, catalog, pauseHook, retention, continuityMarks);
    }

    @Bean
    FinishDumpsTasklet finishDumpsTasklet(FootageProperties properties, Catalog catalog,
                                          PlatformTransactionManager transactionManager) {
        return new FinishDumpsTasklet(properties, catalog, transactionManager);
    }

    @Bean
    ContentArchive contentArchive(FootageProperties properties) throws IOException {
        return new ContentArchive(properties.archive());
    }

    @Bean
    MediaProbe mediaProbe() {
        return new MediaProbe();
    }
}
