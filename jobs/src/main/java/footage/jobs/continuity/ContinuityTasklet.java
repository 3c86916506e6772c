package footage.jobs.continuity;

import footage.jobs.FootageProperties;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code continuityStep} of {@code ingestJob}: recomputes the timelines of the devices this run touched — the files
 * of every execution of the job instance, not only this one's: after a restart, the devices whose files the failed
 * execution took in before it stopped still need their analysis.
 */
public class ContinuityTasklet implements Tasklet {

    private final ContinuityService continuity;
    private final JdbcClient jdbc;
    private final FootageProperties properties;

    public ContinuityTasklet(ContinuityService continuity, JdbcClient jdbc, FootageProperties properties) {
        this.continuity = continuity;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long instance = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
        String ofThisInstance = "f.processed_by IN (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?)";
        Set<String> devices = new HashSet<>();
        devices.addAll(jdbc.sql("SELECT DISTINCT d.device_id FROM dump_files f JOIN dumps d ON d.id = f.dump_id "
                + "WHERE " + ofThisInstance + " AND d.device_id IS NOT NULL").param(instance).query(String.class).list());
        devices.addAll(jdbc.sql("SELECT DISTINCT r.device_id FROM dump_files f JOIN recordings r ON r.id = f.recording_id "
                + "WHERE " + ofThisInstance + " AND r.device_id IS NOT NULL").param(instance).query(String.class).list());
        if (!devices.isEmpty()) {
            ContinuityService.Outcome outcome = continuity.analyze(devices, properties.ingest().actor());
            contribution.incrementWriteCount(outcome.raised());
        }
        return RepeatStatus.FINISHED;
    }
}
