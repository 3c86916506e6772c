package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.PendingFile;
import footage.pipeline.archive.ContentArchive;
import footage.pipeline.archive.CopyListener;
import footage.pipeline.archive.SourceFile;
import footage.pipeline.archive.StoredObject;
import footage.pipeline.continuity.FindingKind;
import footage.pipeline.dump.RawNames;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.MediaSniffer;
import footage.pipeline.media.ProbeResult;
import footage.pipeline.media.SilenceDetector;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one file in: non-media to quarantine; media copied into the archive in one hashing pass (durable
 * protocol of docs/architecture.md §4), then probed from the archived copy. Never touches the source. The source is opened once,
 * without following links, and only if it is still the registered file ({@link SourceFile}); one that was replaced is
 * not taken (REJECTED, with a SOURCE_REPLACED finding), one still changing is taken again in a later run.
 */
class IngestFileProcessor implements ItemProcessor<PendingFile, FileOutcome> {

    private final FootageProperties properties;
    private final ContentArchive archive;
    private final Quarantine quarantine;
    private final MediaProbe probe;
    private final PauseHook pause;
    private final SilenceDetector silence;

    /** @param silence decodes the sound of archived recordings to find silence; null when that check is off */
    IngestFileProcessor(FootageProperties properties, ContentArchive archive, Quarantine quarantine, MediaProbe probe,
                        PauseHook pause, SilenceDetector silence) {
        this.silence = silence;
        this.properties = properties;
        this.archive = archive;
        this.quarantine = quarantine;
        this.probe = probe;
        this.pause = pause;
    }

    @Override
    public FileOutcome process(PendingFile file) {
        pause.nextFile();
        Path dump = properties.drop().resolve(file.dumpFolder());
        // by the name's bytes when the catalogued path does not spell it (not UTF-8, cut): never a look-alike name
        Path source = RawNames.resolve(dump, file.path(), file.rawPath());
        SourceFile.Registered registered = new SourceFile.Registered(file.size() == null ? -1 : file.size(),
                file.mtimeNanos(), file.fileKey());
        pause.at("before-open");
        try (SourceFile opened = SourceFile.open(dump, source, registered)) {
            return take(file, opened);
        } catch (SourceFile.Changing e) {
            return new FileOutcome(file, "FAILED", e.getMessage(), null, null, null, null, List.of(),
                    new FileOutcome.Retry(false, e.now()));
        } catch (SourceFile.Replaced e) {
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                return FileOutcome.settled(file, "MISSING", "registered, but " + e.getMessage() + ": not taken in",
                        new FileOutcome.Problem(FindingKind.MISSING_FILE, "registered, but " + e.getMessage()));
            }
            return FileOutcome.settled(file, "REJECTED", e.getMessage() + ": not taken in; left in place",
                    new FileOutcome.Problem(FindingKind.SOURCE_REPLACED, e.getMessage() + ": not taken in"));
        } catch (IOException e) {
            return failedRead(file, source, e);
        }
    }

    private FileOutcome take(PendingFile file, SourceFile source) throws IOException {
        List<FileOutcome.Problem> problems = new ArrayList<>();
        if (!file.listed() && file.dumpHasManifest()) {
            problems.add(new FileOutcome.Problem(FindingKind.UNLISTED_FILE, "present in the dump but not listed in the manifest"));
        }
        long size = source.size();
        if (file.listedSize() != null && file.listedSize() != size) {
            problems.add(new FileOutcome.Problem(FindingKind.SIZE_MISMATCH,
                    "size is " + size + " bytes, the manifest says " + file.listedSize()));
        }
        pause.read(file.path());
        if (size == 0) {
            return quarantined(file, source, "zero bytes: an empty file is not a recording", problems);
        }
        if (!MediaSniffer.looksLikeMedia(source.head(MediaSniffer.HEADER_BYTES))) {
            return quarantined(file, source, "not a media file: no known container signature", problems);
        }
        StoredObject stored = archive.store(source, file.listedMd5() != null, extension(file.path()), new CopyListener() {
            @Override
            public void copying(Path temp, long bytesCopied, long totalBytes) {
                pause.at("mid-copy");
            }

            @Override
            public void renamed(Path target) {
                pause.at("after-rename");
            }
        });
        if (file.listedMd5() != null && !file.listedMd5().equals(stored.md5())) {
            problems.add(new FileOutcome.Problem(FindingKind.MD5_MISMATCH,
                    "MD5 is " + stored.md5() + ", the manifest says " + file.listedMd5()));
        }
        Path archived = archive.resolve(stored.relativePath());
        ProbeResult facts = probe.probe(archived);
        String status = "ARCHIVED";
        String reason = null;
        if (!facts.readable()) {
            status = "DAMAGED";
            reason = "media container that FFmpeg cannot open: " + facts.error();
        } else if (facts.truncated()) {
            status = "DAMAGED";
            reason = "truncated: " + facts.truncation();
        }
        boolean checkSound = silence != null && facts.readable() && facts.hasAudio();
        return new FileOutcome(file, status, reason, stored, facts, null, stored.sha256(), problems, null,
                checkSound ? silence.scan(archived) : null);
    }

    /**
     * An I/O error while taking a file in. If reading the file alone fails again, the fault is the file's (its disk):
     * that counts as an attempt, and after {@code footage.ingest.max-attempts} of them the file is settled UNREADABLE,
     * left in place with a finding, so its dump can finish. If the file reads back whole, the fault was on the way in
     * (a full archive disk, say): a passing error, tried again next run without counting.
     */
    private FileOutcome failedRead(PendingFile file, Path source, IOException e) {
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        IOException again = readBack(file, source);
        if (again == null) {
            return FileOutcome.failed(file, "passing error, tried again next run (the file itself reads back whole, "
                    + "so this does not count as an attempt): " + error);
        }
        int attempt = file.attempts() + 1;
        int max = properties.ingest().maxAttempts();
        if (attempt >= max) {
            String reason = "unreadable: reading it failed in " + attempt + " run(s) (footage.ingest.max-attempts="
                    + max + "): " + error + "; not taken in, left in place";
            FileOutcome unreadable = FileOutcome.settled(file, "UNREADABLE", reason,
                    new FileOutcome.Problem(FindingKind.UNREADABLE_FILE, reason));
            return new FileOutcome(file, unreadable.status(), reason, null, null, null, null, unreadable.problems(),
                    new FileOutcome.Retry(true, null));
        }
        return new FileOutcome(file, "FAILED", "I/O error reading the file (attempt " + attempt + " of " + max
                + "), tried again next run: " + error, null, null, null, null, List.of(), new FileOutcome.Retry(true, null));
    }

    /** Null when every byte of the file can be read (not following a link), else the error reading it gives. */
    private IOException readBack(PendingFile file, Path source) {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            pause.read(file.path());
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            long at = 0;
            int n;
            while ((n = in.read(buf, at)) >= 0) {
                at += n;
                buf.clear();
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private FileOutcome quarantined(PendingFile file, SourceFile source, String reason, List<FileOutcome.Problem> problems)
            throws IOException {
        Quarantine.Kept kept = quarantine.keep(source, file.dumpFolder(), file.path(), reason);
        return new FileOutcome(file, "QUARANTINED", reason, null, null, kept.relativePath(), kept.copy().sha256(), problems, null);
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }
}
