package footage.jobs.transcode;

import footage.pipeline.transcode.DerivativeStore;
import footage.pipeline.transcode.Profile;
import footage.pipeline.transcode.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.util.stream.Collectors;

/**
 * Before the partitions start: removes the temporary files a killed run left below footage.proxies (only one
 * transcodeJob runs at a time, so none of them is in use) and says which profiles this run makes.
 */
class TranscodeStartTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(TranscodeStartTasklet.class);

    private final DerivativeStore store;
    private final Profiles profiles;
    private final int partitions;

    TranscodeStartTasklet(DerivativeStore store, Profiles profiles, int partitions) {
        this.store = store;
        this.profiles = profiles;
        this.partitions = partitions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        int removed = store.removeStaleTemps();
        if (removed > 0) {
            log.warn("transcode: removed {} temporary file(s) an interrupted run left in {}", removed, store.root());
        }
        log.info("transcode: profiles {} from {}, {} thread(s) (a restart keeps its first run's), into {}",
                profiles.all().stream().map(Profile::name).collect(Collectors.joining(", ")), profiles.source(),
                partitions, store.root());
        return RepeatStatus.FINISHED;
    }
}
