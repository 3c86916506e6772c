package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.Finding;
import footage.jobs.continuity.ContinuityMarks;
import footage.pipeline.archive.ContentArchive;
import footage.pipeline.archive.SourceFile;
import footage.pipeline.continuity.FindingKind;
import footage.pipeline.dump.DumpFile;
import footage.pipeline.dump.DumpInspection;
import footage.pipeline.dump.DumpInspector;
import footage.pipeline.dump.DumpManifest;
import footage.pipeline.dump.DumpNote;
import footage.pipeline.dump.FileNameFacts;
import footage.pipeline.dump.FileNamePattern;
import footage.pipeline.dump.RawNames;
import footage.pipeline.text.Bounded;
import footage.pipeline.text.DisplayText;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * First step of {@code ingestJob}: finds ready dumps in the drop folder and registers each drop of a folder once, with
 * every file it lists or holds; files that appear later in a dump still open join it. Each dump commits on its own,
 * so one bad dump never holds back the others. Whatever else lies in the drop folder is named with the reason it is
 * not taken in.
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
        long executionId = chunkContext.getStepContext().getStepExecution().getJobExecutionId();
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
        List<String> notes = new ArrayList<>();
        try (Stream<Path> list = Files.list(drop)) {
            for (Path p : list.sorted().toList()) {
                String why = notADump(p);
                if (why == null) {
                    folders.add(p);
                } else if (!why.isEmpty()) {
                    notes.add(DisplayText.escapeControls(RawNames.display(RawNames.relativeBytes(drop, p)) + ": " + why));
                }
            }
        }
        notes.forEach(n -> log.warn("ingest: drop folder entry {}", n));
        DropRootNotes.put(chunkContext, notes);
        int registered = 0;
        for (Path folder : folders) {
            try {
                if (register(inspector.inspect(folder), executionId)) {
                    registered++;
                    contribution.incrementWriteCount(1);
                }
            } catch (IOException | RuntimeException e) {
                // the dump stays where it is and is looked at again in the next run
                log.warn("ingest: dump {} skipped this run: {}", DisplayText.escapeControls(folder.getFileName().toString()),
                        DisplayText.escapeControls(e.toString()));
            }
        }
        log.info("ingest: {} dump folder(s) in the drop folder, {} newly registered{}", folders.size(), registered,
                notes.isEmpty() ? "" : ", " + notes.size() + " other entr" + (notes.size() == 1 ? "y" : "ies") + " not taken in");
        return RepeatStatus.FINISHED;
    }

    /**
     * Null for a dump folder; else why this entry of the drop folder is not taken in ("" for the finished-dumps folder,
     * which needs no word). A link is never followed: a station writes folders, and a link to a folder outside the drop
     * folder would take in whatever it points at.
     */
    private String notADump(Path entry) throws IOException {
        String name = entry.getFileName().toString();
        BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            String target;
            try {
                target = Files.readSymbolicLink(entry).toString();
            } catch (IOException e) {
                target = "?";
            }
            return "a symbolic link (to " + target + "), not a dump folder: links at the drop root are not followed; left in place";
        }
        if (a.isDirectory()) {
            if (name.equals(properties.ingest().doneFolder())) {
                return "";
            }
            if (!RawNames.isUtf8(RawNames.relativeBytes(properties.drop(), entry))) {
                // a dump is known by its folder's name in the catalog, .done/ and quarantine/: one that is not text
                // cannot be named there, so it is said every run instead of failing every run
                return "a folder whose name is not valid UTF-8: not taken in; left in place (rename it, e.g. as "
                        + "shown here, and the next run takes it in)";
            }
            return name.startsWith(".") ? "a hidden folder (its name starts with '.'): not taken in as a dump; left in place" : null;
        }
        if (a.isRegularFile()) {
            return "a file directly in the drop folder, not in a dump folder: not taken in; left in place (a station writes one folder per dump)";
        }
        return "neither a folder nor a regular file: left in place";
    }

    private boolean register(DumpInspection inspection, long executionId) throws IOException {
        String folder = inspection.dir().getFileName().toString();
        Optional<Catalog.OpenDump> open = catalog.openDumpOf(folder);
        if (open.isPresent()) {
            // registered by an earlier run and not finished: files that appeared since join it, never a second dump
            if (inspection.state() == DumpInspection.State.READY) {
                perDump.executeWithoutResult(tx -> topUp(open.get(), inspection, executionId));
            }
            return false;
        }
        switch (inspection.state()) {
            case WAITING -> {
                log.info("ingest: dump {} not ready: {}", DisplayText.escapeControls(folder),
                        DisplayText.escapeControls(inspection.reason()));
                return false;
            }
            case MALFORMED -> {
                quarantineDump(inspection, folder);
                return true;
            }
            default -> {
                String fingerprint = fingerprint(inspection);
                catalog.earlierDropOf(folder).ifPresent(earlier -> log.warn(
                        "ingest: dump {} was dropped again after dump {} of that name: registered as a new dump "
                                + "(content archived before is linked, new content archived)", DisplayText.escapeControls(folder), earlier));
                perDump.executeWithoutResult(tx -> registerReady(inspection, folder, fingerprint, executionId));
                return true;
            }
        }
    }

    /** Adds the files of a folder that its open dump does not have yet. */
    private void topUp(Catalog.OpenDump dump, DumpInspection inspection, long executionId) {
        Set<String> known = catalog.dumpFilePaths(dump.id());
        List<DumpFile> added = inspection.files().stream().filter(f -> !known.contains(f.path())).toList();
        if (added.isEmpty()) {
            return;
        }
        addFiles(dump.id(), dump.folder(), dump.deviceId(), added, executionId);
        marks.mark(dump.deviceId(), dump.id(), "dump " + dump.id() + ": files added after it was registered");
        log.warn("ingest: dump {}: {} file(s) appeared after it was registered, taken in with it: {}",
                DisplayText.escapeControls(dump.folder()), added.size(),
                added.stream().map(f -> DisplayText.escapeControls(f.path())).toList());
    }

    private void registerReady(DumpInspection inspection, String folder, String fingerprint, long executionId) {
        String actor = properties.ingest().actor();
        DumpManifest m = inspection.manifest();
        Optional<FileNameFacts> named = inspection.files().stream()
                .map(f -> names.parse(f.path())).flatMap(Optional::stream).findFirst();
        // a value longer than its column is kept cut (and said, below): it must never keep the dump from registering
        List<DumpNote> tooLong = new ArrayList<>();
        String station = m == null ? null : bounded(tooLong, "station", m.station());
        String device = m != null ? bounded(tooLong, "deviceId", m.deviceId())
                : named.map(n -> Bounded.text(n.deviceId(), VALUE_MAX)).orElse(null);
        String officer = m != null && m.officerId() != null ? bounded(tooLong, "officerId", m.officerId())
                : named.map(n -> Bounded.text(n.officerId(), VALUE_MAX)).orElse(null);
        String officerName = m == null ? null : bounded(tooLong, "officerName", m.officerName());
        long dumpId = catalog.registerDump(new Catalog.NewDump(folder, fingerprint, station, device, officer, officerName,
                m == null ? null : m.dockedAt(), m == null ? null : m.deviceClockAtDock(),
                m == null ? null : m.clockOffsetSeconds(), m != null, inspection.manifestSha256(), "REGISTERED",
                inspection.reason()), actor);
        // the dock's own findings (clock drift, unverified clock) need the analysis even if no file of it is ever taken in
        marks.mark(device, dumpId, "dump " + dumpId + " registered");
        addFiles(dumpId, folder, device, inspection.files(), executionId);
        tooLong.addAll(inspection.notes());
        raise(dumpId, folder, device, tooLong);
        log.info("ingest: dump {} registered (device {}, {} file(s))", DisplayText.escapeControls(folder),
                DisplayText.escapeControls(device), inspection.files().size());
    }

    /** The longest manifest value the catalog keeps in dumps (station, deviceId, officerId, officerName). */
    static final int VALUE_MAX = 200;

    private static String bounded(List<DumpNote> notes, String field, String value) {
        Bounded b = Bounded.of(value, VALUE_MAX);
        if (b.cut()) {
            notes.add(new DumpNote(FindingKind.MANIFEST_VALUE_TOO_LONG, null, field + " is " + b.length()
                    + " characters, the catalog keeps " + VALUE_MAX + ": kept cut; SHA-256 of the full value " + b.sha256()));
        }
        return b.value();
    }

    /** The inspector's notes as findings on the dump: a slip in the manifest is said, never the dump's end. */
    private void raise(long dumpId, String folder, String device, List<DumpNote> notes) {
        String actor = properties.ingest().actor();
        for (DumpNote n : notes) {
            catalog.raise(n.path() == null ? Finding.onDump(n.kind(), dumpId, device, n.detail())
                    : Finding.onDumpFile(n.kind(), dumpId, device, n.path(), n.detail()), actor);
            log.warn("ingest: dump {}: {}{}", DisplayText.escapeControls(folder),
                    n.path() == null ? "" : DisplayText.escapeControls(n.path()) + ": ", DisplayText.escapeControls(n.detail()));
        }
    }

    private void addFiles(long dumpId, String folder, String device, List<DumpFile> files, long executionId) {
        String actor = properties.ingest().actor();
        for (DumpFile f : files) {
            switch (f.problem()) {
                case MISSING, UNSAFE_PATH -> {
                    String status = f.problem() == DumpFile.Problem.MISSING ? "MISSING" : "REJECTED";
                    long fileId = catalog.addDumpFile(dumpId, f.path(), f.rawPath(), f.listed(), f.listedSize(), f.listedMd5(),
                            null, "PENDING", null);
                    catalog.settleFile(fileId, status, f.reason(), null, null, null, executionId, actor);
                    catalog.raise(Finding.onDumpFile(f.problem() == DumpFile.Problem.MISSING ? FindingKind.MISSING_FILE : FindingKind.REJECTED_PATH,
                            dumpId, device, f.path(), f.reason()), actor);
                    log.warn("ingest: {}/{}: {}", DisplayText.escapeControls(folder), DisplayText.escapeControls(f.path()),
                            DisplayText.escapeControls(f.reason()));
                }
                default -> {
                    long fileId = catalog.addDumpFile(dumpId, f.path(), f.rawPath(), f.listed(), f.listedSize(), f.listedMd5(),
                            f.actualSize(), "PENDING", null);
                    // its modification time and identity on disk: taking it in checks it is still this file, unchanged
                    SourceFile.Registered seen = observe(folder, f.path(), f.rawPath());
                    if (seen != null && f.actualSize() != null) {
                        catalog.registration(fileId, f.actualSize(), seen.mtimeNanos(), seen.fileKey());
                    }
                }
            }
        }
    }

    private SourceFile.Registered observe(String folder, String path, String rawPath) {
        try {
            return SourceFile.observe(RawNames.resolve(properties.drop().resolve(folder), path, rawPath));
        } catch (IOException e) {
            return null; // taking it in will say what is wrong with it
        }
    }

    /** A dump whose manifest cannot be used is moved whole to quarantine, with the parser's message beside it. */
    private void quarantineDump(DumpInspection inspection, String folder) throws IOException {
        Path target = properties.quarantine().resolve("dumps").resolve(folder);
        for (int n = 2; Files.exists(target); n++) {
            target = properties.quarantine().resolve("dumps").resolve(Quarantine.fit(folder, "." + n));
        }
        Files.createDirectories(target.getParent());
        // a folder's name may be 255 bytes long already: the reason file's name is shortened then
        Files.writeString(target.resolveSibling(Quarantine.fit(target.getFileName().toString(), ".reason.txt")),
                inspection.reason() + System.lineSeparator(), StandardCharsets.UTF_8);
        // a rename keeps every byte as it was; across filesystems it fails and the dump stays in the drop folder
        Files.move(inspection.dir(), target, StandardCopyOption.ATOMIC_MOVE);
        Path moved = target;
        perDump.executeWithoutResult(tx -> catalog.registerDump(new Catalog.NewDump(folder, "quarantined:" + moved.getFileName(),
                null, null, null, null, null, null, null, true, null, "QUARANTINED",
                inspection.reason()), properties.ingest().actor()));
        log.warn("ingest: dump {} quarantined to {}: {}", DisplayText.escapeControls(folder),
                DisplayText.escapeControls(properties.home().relativize(target).toString()), DisplayText.escapeControls(inspection.reason()));
    }

    /** What the dump was registered as: its manifest's digest, or without one a digest of its names and sizes. */
    private static String fingerprint(DumpInspection inspection) {
        if (inspection.manifestSha256() != null) {
            return inspection.manifestSha256();
        }
        StringBuilder listing = new StringBuilder("no-manifest\n");
        inspection.files().forEach(f -> listing.append(f.path()).append('\t').append(f.actualSize()).append('\n'));
        return DigestUtils.sha256Hex(listing.toString().getBytes(StandardCharsets.UTF_8));
    }
}
