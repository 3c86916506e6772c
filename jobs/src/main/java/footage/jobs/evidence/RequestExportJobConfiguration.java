package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.export.BagExports;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code requestExportJob}: the BagIt package of an approved external request (Art. 17), started from the console
 * ({@link RequestExports}). One step: the request is checked again, its recordings (by id, and those of the case or
 * activity it names) are exported by {@link BagExports} into {@code footage.home/exports/request-<id>-<execution>},
 * and the export row and EXPORT_FINISHED commit with the step. Its listener ledgers the start and a failure. Part of
 * {@code serve} only, like the console that starts it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestExportJobConfiguration {

    /** The job's name: its bean, its runs in the job repository, what commands and schedules launch. */
    public static final String JOB_NAME = "requestExportJob";

    @Bean
    Job requestExportJob(JobRepository jobRepository, Step requestExportStep, ExportRecords records) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new Ledgered(records))
                .start(requestExportStep)
                .build();
    }

    @Bean
    Step requestExportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           AccessRequests requests, ExportRecords records, BagExports bags, FootageProperties footage) {
        return new StepBuilder("requestExportStep", jobRepository)
                .tasklet(new ExportTasklet(requests, records, bags, footage), transactionManager)
                .build();
    }

    /** EXPORT_STARTED as the job starts, EXPORT_FAILED when it ends without its bag. */
    static final class Ledgered implements JobExecutionListener {

        private final ExportRecords records;

        Ledgered(ExportRecords records) {
            this.records = records;
        }

        @Override
        public void beforeJob(JobExecution job) {
            records.started(job.getJobParameters().getLong(RequestExports.REQUEST), job.getId(),
                    job.getJobParameters().getString(RequestExports.BY));
        }

        @Override
        public void afterJob(JobExecution job) {
            if (job.getStatus() != BatchStatus.COMPLETED) {
                List<Throwable> failures = new ArrayList<>(job.getAllFailureExceptions());
                String why = failures.isEmpty() ? job.getStatus().name() : rootMessage(failures.get(0));
                records.failed(job.getId(), why);
            }
        }

        private static String rootMessage(Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
    }

    /** Checks the request again (it may have changed since the button was pressed), then makes and records the bag. */
    static final class ExportTasklet implements Tasklet {

        private final AccessRequests requests;
        private final ExportRecords records;
        private final BagExports bags;
        private final FootageProperties footage;

        ExportTasklet(AccessRequests requests, ExportRecords records, BagExports bags, FootageProperties footage) {
            this.requests = requests;
            this.records = records;
            this.bags = bags;
            this.footage = footage;
        }

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
            JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
            long requestId = job.getJobParameters().getLong(RequestExports.REQUEST);
            ExportRecords.Export export = records.byExecution(job.getId())
                    .orElseThrow(() -> new IllegalStateException("no export row for execution " + job.getId()));
            AccessRequests.Request r = requests.find(requestId)
                    .orElseThrow(() -> new IllegalStateException("no access request " + requestId));
            if (!"EXTERNAL".equals(r.kind()) || !"APPROVED".equals(r.status())) {
                throw new IllegalStateException("access request " + requestId + " is " + r.kind() + " " + r.status()
                        + ": only an approved external request is exported");
            }
            List<Long> ids = r.recordingIds() == null ? List.of()
                    : Arrays.stream(r.recordingIds().split(",")).map(String::trim).map(Long::parseLong).toList();
            Path out = footage.home().resolve("exports").resolve("request-" + requestId + "-" + job.getId());
            String identifier = "access request " + requestId + ", " + r.agencyName() + ", letter " + r.letterRef();
            BagExports.Bag bag = bags.exportRequest(identifier, ids, r.caseRef(), out, export.startedBy());
            records.finished(export, bag);
            contribution.incrementWriteCount(bag.files());
            return RepeatStatus.FINISHED;
        }
    }
}
