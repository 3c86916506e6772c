package footage.jobs.transcode;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.jobs.runs.JobRuns;
import footage.pipeline.transcode.Profile;
import footage.pipeline.transcode.Profiles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code footage transcode}: one run of {@code transcodeJob} and what it made. Exit 0 when it completed and nothing
 * failed; 1 when the job failed or a derivative failed for a passing reason (it is tried again next run). Skipped
 * derivatives (originals that cannot give one) are listed with their reasons but are not failures.
 */
@Command(name = "transcode", description = "make the missing viewing proxies and thumbnails (ffmpeg-profiles/) and decode-check them; --recheck-decode checks every recording again")
public class TranscodeCommand implements FootageCommand {

    @Autowired
    private JobRuns runs;

    @Autowired
    private JobRepository repository;

    @Autowired
    private Derivatives derivatives;

    @Autowired
    private DecodeChecks decodeChecks;

    @Autowired
    private Profiles profiles;

    @Autowired
    private FootageProperties properties;

    @Option(names = "--recheck-decode", description = "decode-check every recording again")
    private boolean recheckDecode;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, TranscodeContext.class);
    }

    @Override
    public boolean readsMedia() {
        return true;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        if (recheckDecode) {
            int reset = decodeChecks.resetAll("transcode --recheck-decode", properties.ingest().actor());
            out.printf(Locale.ROOT, "transcode: %d recording(s) to decode-check again%n", reset);
        }
        JobExecution execution = runs.run(TranscodeJobConfiguration.JOB_NAME);
        long failed = failed(execution);
        Map<String, Long> counts = derivatives.countsOf(execution.getId());
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        out.printf(Locale.ROOT, "transcode: %s in %.1f s (job execution %d), profiles %s from %s%n",
                execution.getStatus(), Duration.between(start, end).toMillis() / 1000.0, execution.getId(),
                profiles.all().stream().map(Profile::name).collect(Collectors.joining(", ")), profiles.source());
        long made = counts.entrySet().stream().filter(e -> e.getKey().startsWith("MADE")).mapToLong(Map.Entry::getValue).sum();
        out.printf(Locale.ROOT, "  made:     %d (%d encoded, %d copied without re-encoding, %d thumbnail(s))%n", made,
                counts.getOrDefault("MADE ENCODE", 0L), counts.getOrDefault("MADE REMUX", 0L),
                counts.getOrDefault("MADE THUMBNAIL", 0L));
        List<String> skipped = derivatives.skippedBy(execution.getId());
        out.printf(Locale.ROOT, "  skipped:  %d (the original cannot give one; not tried again)%n", skipped.size());
        skipped.forEach(s -> out.println("            " + s));
        long[] checks = decodeChecks.countsOf(execution.getId());
        out.printf(Locale.ROOT, "  decoded:  %d recording(s) decode-checked, %d with decode errors or not decodable (DAMAGED)%n",
                checks[0], checks[1]);
        out.printf(Locale.ROOT, "  failed:   %d (tried again next run; the log says why)%n", failed);
        out.println("  proxies:  " + properties.proxies());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            execution.getAllFailureExceptions().forEach(t -> out.println("  failure:  " + t.getMessage()));
        }
        return execution.getStatus() == BatchStatus.COMPLETED && failed == 0 ? 0 : 1;
    }

    /** Counted by the partitions, which may have run in other processes (a cluster's workers): read back. */
    private long failed(JobExecution execution) {
        JobExecution stored = repository.getJobExecution(execution.getId());
        long failed = 0;
        for (StepExecution step : (stored == null ? execution : stored).getStepExecutions()) {
            failed += step.getExecutionContext().getLong(TranscodeWriter.FAILED_KEY, 0);
        }
        return failed;
    }
}
