package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.Finding;
import footage.jobs.catalog.NewRecording;
import footage.jobs.catalog.PendingFile;
import footage.jobs.continuity.ContinuityMarks;
import footage.jobs.retention.Retention;
import footage.pipeline.text.Bounded;
import footage.pipeline.text.DisplayText;
import footage.pipeline.dump.FileNameFacts;
import footage.pipeline.dump.FileNamePattern;
import footage.pipeline.media.PhotoFacts;
import footage.pipeline.media.ProbeJson;
import footage.pipeline.media.ProbeResult;
import footage.pipeline.media.RecordingKind;
import footage.pipeline.media.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Catalogues a file in the chunk's transaction: a new recording, or a link to the recording that already holds
 * the same content; its findings; and the ledger entries. Until this commits the file stays PENDING.
 */
class IngestFileWriter implements ItemWriter<FileOutcome>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(IngestFileWriter.class);

    private final FootageProperties properties;
    private final Catalog catalog;
    private final PauseHook pause;
    private final Retention retention;
    private final ContinuityMarks marks;
    private final FileNamePattern names;
    private long executionId;

    IngestFileWriter(FootageProperties properties, Catalog catalog, PauseHook pause, Retention retention,
                     ContinuityMarks marks) {
        this.properties = properties;
        this.catalog = catalog;
        this.pause = pause;
        this.retention = retention;
        this.marks = marks;
        this.names = new FileNamePattern(properties.ingest().fileNamePattern());
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        executionId = stepExecution.getJobExecutionId();
    }

    @Override
    public void write(Chunk<? extends FileOutcome> chunk) {
        String actor = properties.ingest().actor();
        for (FileOutcome o : chunk) {
            PendingFile f = o.file();
            for (FileOutcome.Problem p : o.problems()) {
                catalog.raise(Finding.onDumpFile(p.kind(), f.dumpId(), f.deviceId(), f.path(), p.detail()), actor);
            }
            Settled settled = switch (o.status()) {
                case "ARCHIVED", "DAMAGED" -> catalogue(o, actor);
                default -> {
                    catalog.settleFile(f.id(), o.status(), o.reason(), o.sha256(), null, o.quarantinePath(), executionId, actor);
                    if (o.retry() != null && o.retry().attempt()) {
                        catalog.countAttempt(f.id());
                    }
                    if (o.retry() != null && o.retry().changed() != null) {
                        // what it is compared with next time: taken once it stays like this from one run to the next
                        catalog.registration(f.id(), o.retry().changed().size(), o.retry().changed().mtimeNanos(),
                                o.retry().changed().fileKey());
                    }
                    yield new Settled(o.status(), null);
                }
            };
            String recordingDevice = settled.recordingDevice();
            // in the settling transaction: whatever becomes of this run, the devices' timelines get analysed
            String why = "dump file " + f.id() + " settled " + o.status();
            marks.mark(f.deviceId(), f.dumpId(), why);
            if (recordingDevice != null && !recordingDevice.equals(f.deviceId())) {
                marks.mark(recordingDevice, f.dumpId(), why);
            }
            // as settled: a file whose content the archive holds already is linked (DUPLICATE), not archived again
            String line = DisplayText.escapeControls(f.dumpFolder() + "/" + f.path() + ": " + settled.status()
                    + (o.reason() == null ? "" : " (" + o.reason() + ")"));
            if ("ARCHIVED".equals(settled.status()) || "DUPLICATE".equals(settled.status())) {
                log.info("ingest: {}", line);
            } else {
                log.warn("ingest: {}", line);
            }
        }
        int files = chunk.size();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            // the last instant between the archive's fsyncs and the commit that names what they made durable
            @Override
            public void beforeCommit(boolean readOnly) {
                pause.atCommit("before-commit", files);
            }

            @Override
            public void afterCommit() {
                pause.atCommit("after-commit", files);
            }
        });
    }

    /** How a file was settled, and the device of the recording it made (null when none was made). */
    private record Settled(String status, String recordingDevice) {
    }

    private Settled catalogue(FileOutcome o, String actor) {
        PendingFile f = o.file();
        Optional<Long> existing = catalog.recordingIdBySha256(o.sha256());
        if (existing.isPresent()) {
            catalog.settleFile(f.id(), "DUPLICATE", "same content as recording " + existing.get() + " (SHA-256 "
                    + o.sha256() + "): linked, not copied again", o.sha256(), existing.get(), null, executionId, actor);
            return new Settled("DUPLICATE", null);
        }
        NewRecording recording = recording(o);
        long recordingId = catalog.addRecording(recording, actor);
        // class and retain-until commit with the recording, so no recording is ever without them (docs/formats.md §12)
        retention.onIngest(recordingId, actor);
        catalog.settleFile(f.id(), o.status(), o.reason(), o.sha256(), recordingId, null, executionId, actor);
        return new Settled(o.status(), recording.deviceId());
    }

    private NewRecording recording(FileOutcome o) {
        PendingFile f = o.file();
        ProbeResult p = o.probe();
        Optional<FileNameFacts> named = names.parse(f.path());
        LocalDateTime deviceStart = named.map(FileNameFacts::deviceStart).orElse(null);
        String startSource = deviceStart != null ? "FILE_NAME" : "UNKNOWN";
        // an impossible date is never corrected: the start then comes from creation_time, or stays unknown
        List<String> problems = new ArrayList<>();
        named.map(FileNameFacts::timeProblem).ifPresent(problems::add);
        String creationProblem = p.creationTimeProblem();
        PhotoFacts photo = p.photo();
        String creationTime = p.creationTime();
        if (photo != null) {
            // the camera's EXIF time; without an OffsetTimeOriginal it is the device's local time
            Instant taken = photo.takenAt(properties.deviceZone());
            creationTime = taken == null ? null : taken.toString();
            creationProblem = photo.takenProblem();
        }
        if (creationProblem != null) {
            problems.add(creationProblem);
        } else if (deviceStart == null && creationTime != null) {
            deviceStart = LocalDateTime.ofInstant(Instant.parse(creationTime), properties.deviceZone());
            startSource = photo != null ? "EXIF" : "CREATION_TIME";
        }
        OffsetDateTime corrected = null;
        if (deviceStart != null) {
            double offset = f.clockOffsetSeconds() == null ? 0 : f.clockOffsetSeconds();
            corrected = deviceStart.atZone(properties.deviceZone()).toOffsetDateTime()
                    .minusNanos(Math.round(offset * 1e9)).withOffsetSameInstant(ZoneOffset.UTC);
        }
        Optional<StreamInfo> video = p.readable() ? p.video() : Optional.empty();
        String audio = p.readable() ? p.streams().stream().filter(s -> "audio".equals(s.type())).map(StreamInfo::codec)
                .findFirst().orElse(null) : null;
        Integer width = photo != null ? photo.width() : video.map(StreamInfo::width).orElse(null);
        Integer height = photo != null ? photo.height() : video.map(StreamInfo::height).orElse(null);
        // what FFmpeg could not open and its first bytes did not name is catalogued as the video it claims to be
        RecordingKind kind = p.kind() != null ? p.kind() : RecordingKind.VIDEO;
        String fileName = f.path().substring(f.path().lastIndexOf('/') + 1);
        return new NewRecording(o.sha256(), o.stored().md5(), o.stored().size(), o.stored().relativePath(),
                Bounded.text(f.dumpFolder() + "/" + f.path(), 2000), Bounded.text(fileName, 1000), f.dumpId(),
                Bounded.text(named.map(FileNameFacts::deviceId).orElse(f.deviceId()), 200),
                Bounded.text(named.map(FileNameFacts::officerId).orElse(f.officerId()), 200), deviceStart, startSource,
                creationTime, corrected, p.durationSeconds(), p.mediaSeconds(),
                p.readable() ? footage.jobs.ledger.Ledger.canonicalJson(p.jumps()) : "[]", p.container(),
                video.map(StreamInfo::codec).orElse(null), audio, width, height,
                video.map(StreamInfo::frameRate).orElse(null), named.map(FileNameFacts::important).orElse(false),
                o.status(), o.reason(), ProbeJson.toJson(List.of(p)), problems.isEmpty() ? null : String.join("; ", problems),
                kind, o.silence() == null ? null : footage.jobs.ledger.Ledger.canonicalJson(o.silence().spans()),
                o.silence() == null ? null : o.silence().error());
    }
}
