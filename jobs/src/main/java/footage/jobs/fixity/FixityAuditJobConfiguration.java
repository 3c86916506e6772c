package footage.jobs.fixity;

import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import footage.jobs.partition.ManagerSteps;
import footage.jobs.partition.NodeRole;
import footage.jobs.partition.SettleOnce;
import footage.jobs.partition.WorkerSteps;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code fixityAuditJob}: re-hash the archive objects that are due, one per chunk (a restart redoes at most the
 * object in flight), then write the audit's report. A cluster's manager ({@code footage.role=manager}) cuts the due
 * objects into id ranges instead and sends them to the workers, which run each in {@code fixityAuditWorkerStep}.
 */
@Configuration(proxyBeanMethods = false)
public class FixityAuditJobConfiguration {

    /** The job's name: its bean, its runs in the job repository, what commands and schedules launch. */
    public static final String JOB_NAME = "fixityAuditJob";

    @Bean
    Job fixityAuditJob(JobRepository jobRepository, Step fixityAuditStep, Step fixityReportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(fixityAuditStep)
                .next(fixityReportStep)
                .build();
    }

    static final String WORKER_STEP = "fixityAuditWorkerStep";

    @Bean
    @ConditionalOnExpression(NodeRole.NOT_MANAGER)
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

    /** Role manager: the due objects, cut into id ranges for the workers. */
    @Bean("fixityAuditStep")
    @ConditionalOnExpression(NodeRole.IS_MANAGER)
    Step fixityAuditManagerStep(ManagerSteps managerSteps, JdbcClient jdbc, FixityProperties fixity) {
        return managerSteps.partitioned("fixityAuditStep", WORKER_STEP,
                step -> FixityReader.due(jdbc, FixityReader.cutoff(step.getJobExecution(), fixity)));
    }

    /**
     * Role worker: one id range of a manager's {@code fixityAuditStep}, with the single node's reader, processor and
     * writer; an object this audit recorded already (its partition run twice) is not recorded again.
     */
    @Bean(WORKER_STEP)
    @ConditionalOnExpression(NodeRole.IS_WORKER)
    Step fixityAuditWorkerStep(WorkerSteps workerSteps, FixityReader fixityPartitionReader,
                               FixityProcessor fixityAuditProcessor, FixityWriter fixityAuditWriter) {
        return workerSteps.partition(WORKER_STEP, fixityPartitionReader, fixityAuditProcessor, fixityAuditWriter,
                SettleOnce.Rule.underRecordingLock(ArchivedObject::recordingId, fixityAuditWriter::recorded),
                fixityAuditWriter);
    }

    /** One reader per partition execution: its position is the partition's own. */
    @Bean
    @StepScope
    @ConditionalOnExpression(NodeRole.IS_WORKER)
    FixityReader fixityPartitionReader(JdbcClient jdbc, FixityProperties fixity) {
        return new FixityReader(jdbc, fixity);
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
    FixityWriter fixityAuditWriter(JdbcClient jdbc, footage.jobs.catalog.Recordings recordings, Ledger ledger,
                                   FootageProperties properties, footage.jobs.metrics.DomainMetrics metrics) {
        return new FixityWriter(jdbc, recordings, ledger, properties, metrics);
    }

    @Bean
    FixityReportTasklet fixityReportTasklet(JdbcClient jdbc, Ledger ledger, FootageProperties properties,
                                            FixityProperties fixity) {
        return new FixityReportTasklet(jdbc, ledger, properties, fixity);
    }
}
