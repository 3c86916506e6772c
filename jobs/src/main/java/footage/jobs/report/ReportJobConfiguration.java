package footage.jobs.report;

import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code reportJob}: the full gap report in every format into the reports folder, recorded in the ledger. */
@Configuration(proxyBeanMethods = false)
public class ReportJobConfiguration {

    /** The job's name: its bean, its runs in the job repository, what commands and schedules launch. */
    public static final String JOB_NAME = "reportJob";

    @Bean
    Job reportJob(JobRepository jobRepository, Step writeReportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(writeReportStep)
                .build();
    }

    @Bean
    Step writeReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         WriteReportTasklet writeReportTasklet) {
        return new StepBuilder("writeReportStep", jobRepository)
                .tasklet(writeReportTasklet, transactionManager)
                .build();
    }

    @Bean
    WriteReportTasklet writeReportTasklet(FootageProperties properties, GapReportBuilder builder,
                                          GapReportRenderer renderer, Ledger ledger) {
        return new WriteReportTasklet(properties, builder, renderer, ledger);
    }
}
