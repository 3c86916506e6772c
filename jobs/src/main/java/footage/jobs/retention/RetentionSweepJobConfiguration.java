package footage.jobs.retention;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Recordings;
import footage.jobs.ledger.Ledger;
import footage.jobs.metrics.DomainMetrics;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code retentionSweepJob} (docs/formats.md §12): resolve what a killed sweep left, move each expired, unheld STANDARD
 * recording to expired/ (one per chunk: a restart redoes at most the recording in flight), write the disposition
 * report.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionSweepJobConfiguration {

    /** The job's name: its bean, its runs in the job repository, what commands and schedules launch. */
    public static final String JOB_NAME = "retentionSweepJob";

    @Bean
    Job retentionSweepJob(JobRepository jobRepository, Step sweepRecoveryStep, Step sweepMoveStep, Step sweepReportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(sweepRecoveryStep)
                .next(sweepMoveStep)
                .next(sweepReportStep)
                .build();
    }

    @Bean
    Step sweepRecoveryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           SweepRecoveryTasklet sweepRecoveryTasklet) {
        return new StepBuilder("sweepRecoveryStep", jobRepository)
                .tasklet(sweepRecoveryTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step sweepMoveStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       ExpiredRecordingReader sweepMoveReader, MoveOutProcessor sweepMoveProcessor,
                       MoveOutWriter sweepMoveWriter) {
        return new StepBuilder("sweepMoveStep", jobRepository)
                .<RetentionRow, MovedCopy>chunk(1)
                .transactionManager(transactionManager)
                .reader(sweepMoveReader)
                .processor(sweepMoveProcessor)
                .writer(sweepMoveWriter)
                .listener(sweepMoveReader)
                .listener(sweepMoveWriter)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step sweepReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         DispositionReportTasklet sweepReportTasklet) {
        return new StepBuilder("sweepReportStep", jobRepository)
                .tasklet(sweepReportTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    SweepRecoveryTasklet sweepRecoveryTasklet(RetentionRows rows, SweepRules rules, RetentionPolicy policy,
                                              ExpiredStore store, DerivativeRecovery derivativeRecovery,
                                              Classifier classifier, FootageProperties properties) {
        return new SweepRecoveryTasklet(rows, rules, policy, store, derivativeRecovery, classifier, properties);
    }

    @Bean
    ExpiredRecordingReader sweepMoveReader(SweepRules rules, RetentionPolicy policy) {
        return new ExpiredRecordingReader(rules, policy);
    }

    @Bean
    MoveOutProcessor sweepMoveProcessor(ExpiredStore store, DerivativeMoves derivatives, SweepPauseHook pause) {
        return new MoveOutProcessor(store, derivatives, pause);
    }

    @Bean
    MoveOutWriter sweepMoveWriter(Recordings recordings, Ledger ledger, RetentionRows rows,
                                  SweepRules rules, RetentionPolicy policy, ExpiredStore store,
                                  DerivativeMoves derivatives, SweepPauseHook pause, FootageProperties properties,
                                  DomainMetrics metrics) {
        return new MoveOutWriter(recordings, ledger, rows, rules, policy, store, derivatives, pause, properties,
                metrics);
    }

    @Bean
    DispositionReportTasklet sweepReportTasklet(JdbcClient jdbc, Recordings recordings, Ledger ledger,
                                                FootageProperties properties,
                                                RetentionPolicy policy, SweepPauseHook pause,
                                                org.springframework.context.MessageSource messages,
                                                @org.springframework.beans.factory.annotation.Value(
                                                        "${footage.report.locale:zh-CN}") java.util.Locale locale) {
        // the report's columns in the reports' language (footage.report.locale), as the gap report's
        return new DispositionReportTasklet(jdbc, recordings, ledger, properties, policy, pause,
                java.util.List.of(messages.getMessage("disposition.csvHeader", null, locale).split(",")));
    }
}
