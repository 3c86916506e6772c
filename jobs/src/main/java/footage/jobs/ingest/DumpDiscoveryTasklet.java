package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.Finding;
import footage.jobs.continuity.ContinuityMarks;
import footage.pipeline.archive.ContentArchive;
import footage.pipeline.dump.DumpFile;
import footage.pipeline.dump.DumpInspection;
import footage.pipeline.dump.DumpInspector;
import footage.pipeline.dump.DumpManifest;
import footage.pipeline.dump.FileNameFacts;
import footage.pipeline.dump.FileNamePattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * First step of {@code ingestJob}: finds ready dumps in the drop folder and registers each exactly once, with
 * every file it lists or holds. Each dump commits on its own, so one bad dump never holds back the others.
 */
class DumpDiscoveryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DumpDiscoveryTasklet.class);

    private final FootageProperties properties;
    private final Catalog catalog;
    private final ContentArchive archive;
    private final Quarantine quarantine;
    private final ContinuityMarks marks;
    private final TransactionTemplate perDump;
    private final FileNamePattern names;

    DumpDiscoveryTasklet(FootageProperties properties, Catalog catalog, ContentArchive archive, Quarantine quarantine,
                         ContinuityMarks marks, PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.catalog = catalog;
        this.archive = archive;
        this.quarantine = quarantine;
        this.marks = marks;
        this.perDump = new TransactionTemplate(transactionManager);
        this.perDump.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.names = new FileNamePattern(properties.ingest().fileNamePattern());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        archive.removeStaleTemps();
        quarantine.removeStaleTemps();
        int retried = perDump.execute(tx -> catalog.retryFailed());
        if (retried > 0) {
            log.info("ingest: {} file(s) that failed before will be tried again", retried);
        }
        Path drop = properties.drop();
        Files.createDirectories(drop);
        DumpInspector inspector = new DumpInspector(drop, properties.ingest().quietPeriod(), Clock.systemUTC());
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> list = Files.list(drop)) {
            list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(folders::add);
        }
        int registered = 0;
        for (Path folder : folders) {
            try {
                if (register(inspector.inspect(folder))) {
                    registered++;
                    contribution.incrementWriteCount(1);
                }
            } catch (IOException | RuntimeException e) {
                // the dump stays where it is and is looked at again in the next run
                log.warn("ingest: dump {} skipped this run: {}", folder.getFileName(), e.toString());
            }
        }
        log.info("ingest: {} dump folder(s) in the drop folder, {} newly registered", folders.size(), registered);
        return RepeatStatus.FINISHED;
    }

    private boolean register(DumpInspection inspection) throws IOException {
        String folder = inspection.dir().getFileName().toString();
        switch (inspection.state()) {
            case WAITING -> {
                log.info("ingest: dump {} not ready: {}", folder, inspection.reason());
                return false;
            }
            case MALFORMED -> {
                quarantineDump(inspection, folder);
                return true;
            }
            default -> {
                String fingerprint = fingerprint(inspection);
                if (catalog.dumpKnown(folder, fingerprint)) {
                    return false; // registered by an earlier run that did not finish it
                }
                perDump.executeWithoutResult(tx -> registerReady(inspection, folder, fingerprint));
                return true;
            }
        }
    }

    private void registerReady(DumpInspection inspection, String folder, String fingerprint) {
        String actor = properties.ingest().actor();
        DumpManifest m = inspection.manifest();
        Optional<FileNameFacts> named = inspection.files().stream()
                .map(f -> names.parse(f.path())).flatMap(Optional::stream).findFirst();
        String device = m != null ? m.deviceId() : named.map(FileNameFacts::deviceId).orElse(null);
        String officer = m != null && m.officerId() != null ? m.officerId() : named.map(FileNameFacts::officerId).orElse(null);
        long dumpId = catalog.registerDump(new Catalog.NewDump(folder, fingerprint,
                m == null ? null : m.station(), device, officer, m == null ? null : m.officerName(),
                m == null ? null : m.dockedAt(), m == null ? null : m.deviceClockAtDock(),
                m == null ? null : m.clockOffsetSeconds(), m != null, inspection.manifestSha256(), "REGISTERED",
                inspection.reason()), actor);
        // the dock's own findings (clock drift, unverified clock) need the analysis even if no file of it is ever taken in
        marks.mark(device, "dump " + dumpId + " registered");
        for (DumpFile f : inspection.files()) {
            switch (f.problem()) {
                case MISSING, UNSAFE_PATH -> {
                    String status = f.problem() == DumpFile.Problem.MISSING ? "MISSING" : "REJECTED";
                    long fileId = catalog.addDumpFile(dumpId, f.path(), f.listed(), f.listedSize(), f.listedMd5(), null, "PENDING", null);
                    catalog.settleFile(fileId, status, f.reason(), null, null, null, 0, actor);
                    catalog.raise(Finding.onDumpFile(f.problem() == DumpFile.Problem.MISSING ? "MISSING_FILE" : "REJECTED_PATH",
                            dumpId, device, f.path(), f.reason()), actor);
                    log.warn("ingest: {}/{}: {}", folder, f.path(), f.reason());
                }
                default -> catalog.addDumpFile(dumpId, f.path(), f.listed(), f.listedSize(), f.listedMd5(), f.actualSize(), "PENDING", null);
            }
        }
        log.info("ingest: dump {} registered (device {}, {} file(s))", folder, device, inspection.files().size());
    }

    /** A dump whose manifest cannot be used is moved whole to quarantine, with the parser's message beside it. */
    private void quarantineDump(DumpInspection inspection, String folder) throws IOException {
        Path target = properties.quarantine().resolve("dumps").resolve(folder);
        for (int n = 2; Files.exists(target); n++) {
            target = properties.quarantine().resolve("dumps").resolve(folder + "." + n);
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                inspection.reason() + System.lineSeparator(), StandardCharsets.UTF_8);
        // a rename keeps every byte as it was; across filesystems it fails and the dump stays in the drop folder
        Files.move(inspection.dir(), target, StandardCopyOption.ATOMIC_MOVE);
        Path moved = target;
        perDump.executeWithoutResult(tx -> catalog.registerDump(new Catalog.NewDump(folder, "quarantined:" + moved.getFileName(),
                null, null, null, null, null, null, null, true, null, "QUARANTINED",
                inspection.reason()), properties.ingest().actor()));
        log.warn("ingest: dump {} quarantined to {}: {}", folder, properties.home().relativize(target), inspection.reason());
    }

    /** Same folder with the same manifest (or, without one, the same names and sizes) is the same dump. */
    private static String fingerprint(DumpInspection inspection) {
        if (inspection.manifestSha256() != null) {
            return inspection.manifestSha256();
        }
        StringBuilder listing = new StringBuilder("no-manifest\n");
        inspection.files().forEach(f -> listing.append(f.path()).append('\t').append(f.actualSize()).append('\n'));
        return DigestUtils.sha256Hex(listing.toString().getBytes(StandardCharsets.UTF_8));
    }
}
