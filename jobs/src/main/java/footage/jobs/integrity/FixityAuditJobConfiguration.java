package footage.jobs.integrity;

import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
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
 * {@code fixityAuditJob}: re-hash the archive objects that are due, one per chunk (a restart redoes at most the
 * object in flight), then write the audit's report.
 */
@Configuration(proxyBeanMethods = false)
class FixityAuditJobConfiguration {

    @Bean
    Job fixityAuditJob(JobRepository jobRepository, Step fixityAuditStep, Step fixityReportStep) {
        return new JobBuilder("fixityAuditJob", jobRepository)
                .start(fixityAuditStep)
                .next(fixityReportStep)
                .build();
    }

    @Bean
    Step fixityAuditStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         FixityReader fixityAuditReader, FixityProcessor fixityAuditProcessor, FixityWriter fixityAuditWriter) {
        return new StepBuilder("fixityAuditStep", jobRepository)
                .<ArchivedObject, FixityResult>chunk(1)
                .transactionManager(transactionManager)
                .reader(fixityAuditReader)
                .processor(fixityAuditProcessor)
                .writer(fixityAuditWriter)
                .listener(fixityAuditReader)
                .listener(fixityAuditWriter)
                .build();
    }

    @Bean
    Step fixityReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          FixityReportTasklet fixityReportTasklet) {
        return new StepBuilder("fixityReportStep", jobRepository)
                .tasklet(fixityReportTasklet, transactionManager)
                .build();
    }

    @Bean
    FixityReader fixityAuditReader(JdbcClient jdbc, FixityProperties fixity) {
        return new FixityReader(jdbc, fixity);
    }

    @Bean
    FixityProcessor fixityAuditProcessor(FootageProperties properties, FixityPauseHook fixityPauseHook) {
        return new FixityProcessor(properties, fixityPauseHook);
    }

    @Bean
    FixityWriter fixityAuditWriter(JdbcClient jdbc, Ledger ledger, FootageProperties properties,
                                   footage.jobs.metrics.DomainMetrics metrics) {
        return new FixityWriter(jdbc, ledger, properties, metrics);
    }

    @Bean
    FixityReportTasklet fixityReportTasklet(JdbcClient jdbc, Ledger ledger, FootageProperties properties,
                                            FixityProperties fixity) {
        return new FixityReportTasklet(jdbc, ledger, properties, fixity);
    }
}
