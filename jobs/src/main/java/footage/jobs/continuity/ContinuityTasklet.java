package footage.jobs.continuity;

import footage.jobs.FootageProperties;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A job's continuity step ({@code continuityStep} of {@code ingestJob}; also the last step of the jobs that can find a
 * recording damaged): analyses every device marked as needing it. The marks are durable catalog state, so a device
 * whose files a killed run, another instance, another node or an earlier failed step took in is analysed all the same.
 */
public class ContinuityTasklet implements Tasklet {

    private final ContinuityService continuity;
    private final FootageProperties properties;

    public ContinuityTasklet(ContinuityService continuity, FootageProperties properties) {
        this.continuity = continuity;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ContinuityService.Outcome outcome = continuity.analyzeMarked(properties.ingest().actor());
        contribution.incrementWriteCount(outcome.raised());
        return RepeatStatus.FINISHED;
    }
}
