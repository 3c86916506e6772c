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

import java.time.Clock;
import java.util.Optional;

/**
 * {@code supervisionReportJob} (monthly, schedule {@code footage.schedule.supervision}): the supervision report of the
 * month before (Art. 19) as CSV, HTML and PDF into the reports folder, recorded in the ledger.
 */
@Configuration(proxyBeanMethods = false)
public class SupervisionReportJobConfiguration {

    /** The job's name: its bean, its runs in the job repository, what commands and schedules launch. */
    public static final String JOB_NAME = "supervisionReportJob";

    @Bean
    Job supervisionReportJob(JobRepository jobRepository, Step writeSupervisionReportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(writeSupervisionReportStep)
                .build();
    }

    @Bean
    Step writeSupervisionReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                    WriteSupervisionReportTasklet writeSupervisionReportTasklet) {
        return new StepBuilder("writeSupervisionReportStep", jobRepository)
                .tasklet(writeSupervisionReportTasklet, transactionManager)
                .build();
    }

    @Bean
    WriteSupervisionReportTasklet writeSupervisionReportTasklet(FootageProperties properties, SupervisionReports reports,
                                                                Ledger ledger, Optional<Clock> clock) {
        return new WriteSupervisionReportTasklet(properties, reports, ledger, clock.orElse(Clock.systemUTC()));
    }
}
