package footage.jobs.continuity;

import footage.jobs.FootageProperties;
import footage.jobs.runs.JobRuns;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ingest that fails after taking its files in, then its restart or a new run: either must analyse the devices whose
 * files the failed execution took in, not only those of the files it takes in itself.
 */
@SpringBootTest(properties = "footage.ingest.quiet-period=0s")
class ContinuityRestartTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("footage-continuity-restart-").toString();
        registry.add("footage.home", () -> home);
    }

    @Autowired
    JobRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;

    @Test
    void aRestartAnalysesTheDevicesOfEveryFileOfTheJobInstance() throws IOException {
        // given two devices' dumps, each with a gap of over 30 s between its two recordings, and a continuity step that fails
        // (the catalog refuses gap findings for now; only the continuity step raises them)
        dumpWithAGap("R1", "DSJ8000001");
        dumpWithAGap("R2", "DSJ8000002");
        jdbc.sql("ALTER TABLE findings ADD CONSTRAINT no_gaps_yet CHECK (kind <> 'GAP' OR device_id NOT LIKE 'DSJ800000_')").update();

        // when the ingest runs
        JobExecution failed;
        try {
            failed = runs.run("ingestJob");
        } finally {
            jdbc.sql("ALTER TABLE findings DROP CONSTRAINT no_gaps_yet").update();
        }

        // then it failed in its continuity step, having taken in every file, with no gap found yet
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStepName().equals("continuityStep"))
                .singleElement().satisfies(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.FAILED));
        assertThat(jdbc.sql("SELECT DISTINCT status FROM dump_files").query(String.class).list()).containsExactly("ARCHIVED");
        assertThat(gaps()).doesNotContain("DSJ8000001", "DSJ8000002");

        // when a third device's dump arrives and the failed execution is restarted
        dumpWithAGap("R3", "DSJ8000003");
        JobExecution restarted = runs.restart(failed.getId());

        // then it completes with the gap of every device found: those of the failed execution's files too
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThat(gaps()).contains("DSJ8000001", "DSJ8000002", "DSJ8000003");
    }

    @Test
    void aNewRunAfterAFailedOneAnalysesTheDevicesTheFailedOneTookIn() throws IOException {
        // given a device's dump taken in by an ingest whose continuity step fails
        dumpWithAGap("N1", "DSJ8000016");
        jdbc.sql("ALTER TABLE findings ADD CONSTRAINT no_gaps_now CHECK (kind <> 'GAP' OR device_id NOT LIKE 'DSJ800001_')").update();
        JobExecution failed;
        try {
            failed = runs.run("ingestJob");
        } finally {
            jdbc.sql("ALTER TABLE findings DROP CONSTRAINT no_gaps_now").update();
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(gaps()).doesNotContain("DSJ8000016");
        // the device's mark outlived the failed analysis: it is durable state, not the job's memory
        assertThat(marked()).contains("DSJ8000016");

        // when the next ingest is a new job instance that takes in nothing of that device
        dumpWithAGap("N2", "DSJ8000017");
        JobExecution next = runs.run("ingestJob");

        // then it analyses the failed run's device too, and no mark is left
        assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(next.getJobInstanceId()).isNotEqualTo(failed.getJobInstanceId());
        assertThat(gaps()).contains("DSJ8000016", "DSJ8000017");
        assertThat(marked()).doesNotContain("DSJ8000016", "DSJ8000017");
    }

    private List<String> marked() {
        return jdbc.sql("SELECT DISTINCT device_id FROM continuity_marks ORDER BY device_id").query(String.class).list();
    }

    private List<String> gaps() {
        return jdbc.sql("SELECT device_id FROM findings WHERE kind = 'GAP' AND superseded_at IS NULL ORDER BY device_id")
                .query(String.class).list();
    }

    private void dumpWithAGap(String folder, String device) throws IOException {
        // durations differ per device (by its last digit), so that no two recordings have the same content
        double seconds = 2 + 0.2 * (device.charAt(device.length() - 1) - '0');
        new SampleDumpGenerator().writeDump(properties.drop(), new DumpSpec(folder, "ST01", device, "100234", "张三",
                "2019-03-01T18:00:00+08:00", "2019-03-01T18:00:00+08:00", true, List.of(
                FileSpec.video(device + "_100234_20190301_090000_0001.mp4", VideoSpec.small(seconds, "2019-03-01T09:00:00Z")),
                FileSpec.video(device + "_100234_20190301_090040_0002.mp4", VideoSpec.small(seconds, "2019-03-01T09:00:40Z")))));
    }
}
