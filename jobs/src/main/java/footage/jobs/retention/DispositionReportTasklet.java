package footage.jobs.retention;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import footage.jobs.catalog.Recordings;
import footage.jobs.csv.Csv;
import footage.jobs.ledger.Ledger;
import footage.pipeline.archive.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Last step of {@code retentionSweepJob}: {@code <reports>/disposition-<time>-<sweep>.csv}, one row per recording moved
 * out and not listed in a disposition report yet (so moves of a sweep that was killed before its report are listed
 * by the next one), with the names its duplicates had in their dumps. Written durably (fsync, atomic rename), then
 * the listed recordings are marked and a DISPOSITION_REPORTED entry records the report's SHA-256, in one transaction.
 * A kill in between leaves a report that is not ledgered; the next sweep lists the same recordings again.
 */
class DispositionReportTasklet implements Tasklet {

    /** The columns in English; the report names them in {@code footage.report.locale}'s words (disposition.csvHeader). */
    static final List<String> HEADER = List.of("recording_id", "sha256", "size_bytes", "file_name", "original_path",
            "duplicate_paths", "device", "officer", "recorded_at", "retain_until", "retention_class", "status",
            "moved_at", "sweep", "from", "to");
    private static final Logger log = LoggerFactory.getLogger(DispositionReportTasklet.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final JdbcClient jdbc;
    private final Recordings recordings;
    private final Ledger ledger;
    private final FootageProperties properties;
    private final RetentionPolicy policy;
    private final SweepPauseHook pause;
    private final List<String> header;

    /** @param header the column names in the report's language, as many as {@link #HEADER} */
    DispositionReportTasklet(JdbcClient jdbc, Recordings recordings, Ledger ledger, FootageProperties properties,
                             RetentionPolicy policy, SweepPauseHook pause, List<String> header) {
        if (header.size() != HEADER.size()) {
            throw new IllegalArgumentException("disposition.csvHeader names " + header.size() + " columns, not "
                    + HEADER.size());
        }
        this.header = List.copyOf(header);
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.ledger = ledger;
        this.properties = properties;
        this.policy = policy;
        this.pause = pause;
    }

    private record Moved(long id, String sha256, long size, String fileName, String originalPath, String device,
                         String officer, OffsetDateTime recordedAt, String retainUntil, String retentionClass,
                         String status, OffsetDateTime movedAt, Long sweep, String to) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long sweep = SweepRun.id(job);
        List<Moved> moved = jdbc.sql("SELECT id, sha256, size_bytes, file_name, original_path, device_id, officer_id, "
                        + "corrected_start, retain_until, retention_class, status, expired_at, expired_by, archive_path "
                        + "FROM recordings WHERE archive_path LIKE 'expired/%' AND disposition_report IS NULL ORDER BY id")
                .query((rs, n) -> new Moved(rs.getLong("id"), rs.getString("sha256"), rs.getLong("size_bytes"),
                        rs.getString("file_name"), rs.getString("original_path"), rs.getString("device_id"),
                        rs.getString("officer_id"), rs.getObject("corrected_start", OffsetDateTime.class),
                        rs.getString("retain_until"), rs.getString("retention_class"), rs.getString("status"),
                        rs.getObject("expired_at", OffsetDateTime.class), rs.getObject("expired_by", Long.class),
                        rs.getString("archive_path")))
                .list();
        Map<Long, List<String>> duplicates = duplicates(moved);
        List<List<?>> rows = new ArrayList<>();
        rows.add(header);
        long bytes = 0;
        for (Moved m : moved) {
            bytes += m.size();
            rows.add(Arrays.asList(m.id(), m.sha256(), m.size(), m.fileName(), m.originalPath(),
                    String.join("; ", duplicates.getOrDefault(m.id(), List.of())), m.device(), m.officer(),
                    time(m.recordedAt()), m.retainUntil(), m.retentionClass(), m.status(), time(m.movedAt()), m.sweep(),
                    "archive/" + ObjectLocations.relative(m.to()), m.to()));
        }
        byte[] content = Csv.write(rows, Csv.Quoting.WHEN_NEEDED).getBytes(StandardCharsets.UTF_8);
        Path report = writeDurably(content, sweep);
        pause.at("after-report");
        List<Long> ids = moved.stream().map(Moved::id).toList();
        String name = properties.reports().relativize(report).toString();
        recordings.dispositionReported(ids, name);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("report", name);
        payload.put("sha256", org.apache.commons.codec.digest.DigestUtils.sha256Hex(content));
        payload.put("recordings", ids);
        payload.put("bytes", bytes);
        payload.put("sweep", sweep);
        ledger.append("DISPOSITION_REPORTED", "disposition:" + name, properties.ingest().actor(), payload);
        job.getExecutionContext().putString(SweepRun.REPORT_KEY, report.toString());
        contribution.incrementWriteCount(ids.size());
        log.info("sweep: disposition report {} ({} recording(s), {} bytes)", report, ids.size(), bytes);
        return RepeatStatus.FINISHED;
    }

    private Map<Long, List<String>> duplicates(List<Moved> moved) {
        Map<Long, List<String>> byRecording = new HashMap<>();
        if (moved.isEmpty()) {
            return byRecording;
        }
        jdbc.sql("SELECT f.recording_id, d.folder, f.path FROM dump_files f JOIN dumps d ON d.id = f.dump_id "
                        + "WHERE f.status = 'DUPLICATE' AND f.recording_id IN (:ids) ORDER BY f.id")
                .param("ids", moved.stream().map(Moved::id).toList())
                .query(rs -> {
                    byRecording.computeIfAbsent(rs.getLong("recording_id"), k -> new ArrayList<>())
                            .add(rs.getString("folder") + "/" + rs.getString("path"));
                });
        return byRecording;
    }

    private Path writeDurably(byte[] content, long sweep) throws IOException {
        DurableFiles.createPrivateDirectories(properties.reports());
        String stem = "disposition-" + ZonedDateTime.now(policy.zone()).format(FILE_TIME) + "-" + sweep;
        for (int n = 1; ; n++) {
            Path report = properties.reports().resolve(stem + (n == 1 ? "" : "-" + n) + ".csv");
            Path temp = DurableFiles.tempBeside(report);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                DurableFiles.publish(temp, report);
                return report;
            } catch (FileAlreadyExistsException taken) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(policy.zone()).toOffsetDateTime().toString();
    }
}
