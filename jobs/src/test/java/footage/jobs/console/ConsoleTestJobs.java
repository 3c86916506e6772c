package footage.jobs.console;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jobs for the console tests: {@code consoleFlakyJob} fails when told to and otherwise takes a moment (so two
 * restarts overlap), counting every run of its step; {@code consoleSlowJob} takes one item per chunk, slowly, and
 * publishes its total, so it can be watched and stopped.
 */
@TestConfiguration(proxyBeanMethods = false)
class ConsoleTestJobs {

    static final String FLAKY_JOB = "consoleFlakyJob";
    static final String SLOW_JOB = "consoleSlowJob";
    static final String SLOW_STEP = "consoleSlowStep";
    static final int SLOW_ITEMS = 1000;

    static final class Flaky implements Tasklet {

        final AtomicBoolean failNext = new AtomicBoolean();
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
            runs.incrementAndGet();
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("the flaky step failed on purpose (console test)");
            }
            Thread.sleep(1500);
            return RepeatStatus.FINISHED;
        }
    }

    @Bean
    Flaky consoleFlakyTasklet() {
        return new Flaky();
    }

    @Bean
    Job consoleFlakyJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, Flaky consoleFlakyTasklet) {
        Step step = new StepBuilder("consoleFlakyStep", jobRepository).tasklet(consoleFlakyTasklet, transactionManager).build();
        return new JobBuilder(FLAKY_JOB, jobRepository).start(step).build();
    }

    @Bean
    Job consoleSlowJob(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        Step step = new StepBuilder(SLOW_STEP, jobRepository)
                .<Integer, Integer>chunk(1)
                .transactionManager(transactionManager)
                .reader(new Counter())
                .writer(items -> Thread.sleep(50))
                .build();
        return new JobBuilder(SLOW_JOB, jobRepository).start(step).build();
    }

    /** 1..SLOW_ITEMS, with the total where the console looks for it. */
    private static final class Counter implements ItemStreamReader<Integer> {

        private int next;

        @Override
        public void open(ExecutionContext context) {
            next = 0;
            context.putLong(ExecutionDetails.PROGRESS_TOTAL, SLOW_ITEMS);
        }

        @Override
        public Integer read() {
            return next < SLOW_ITEMS ? ++next : null;
        }
    }
}
