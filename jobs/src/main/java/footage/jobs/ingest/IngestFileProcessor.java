package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.PendingFile;
import footage.pipeline.archive.ContentArchive;
import footage.pipeline.archive.CopyListener;
import footage.pipeline.archive.StoredObject;
import footage.pipeline.dump.RawNames;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.MediaSniffer;
import footage.pipeline.media.ProbeResult;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one file in: non-media to quarantine; media copied into the archive in one hashing pass (durable
 * protocol of DESIGN §5), then probed from the archived copy. Never touches the source.
 */
class IngestFileProcessor implements ItemProcessor<PendingFile, FileOutcome> {

    private final FootageProperties properties;
    private final ContentArchive archive;
    private final Quarantine quarantine;
    private final MediaProbe probe;
    private final PauseHook pause;

    IngestFileProcessor(FootageProperties properties, ContentArchive archive, Quarantine quarantine, MediaProbe probe,
                        PauseHook pause) {
        this.properties = properties;
        this.archive = archive;
        this.quarantine = quarantine;
        this.probe = probe;
        this.pause = pause;
    }

    @Override
    public FileOutcome process(PendingFile file) {
        pause.nextFile();
        // by the name's bytes when the catalogued path does not spell it (not UTF-8, cut): never a look-alike name
        Path source = RawNames.resolve(properties.drop().resolve(file.dumpFolder()), file.path(), file.rawPath());
        try {
            if (!Files.isRegularFile(source)) {
                return FileOutcome.failed(file, "file is no longer in the dump folder: " + source);
            }
            List<FileOutcome.Problem> problems = new ArrayList<>();
            if (!file.listed() && file.dumpHasManifest()) {
                problems.add(new FileOutcome.Problem("UNLISTED_FILE", "present in the dump but not listed in the manifest"));
            }
            long size = Files.size(source);
            if (file.listedSize() != null && file.listedSize() != size) {
                problems.add(new FileOutcome.Problem("SIZE_MISMATCH",
                        "size is " + size + " bytes, the manifest says " + file.listedSize()));
            }
            if (size == 0) {
                return quarantined(file, source, "zero bytes: an empty file is not a recording", problems);
            }
            if (!MediaSniffer.looksLikeMedia(source)) {
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
                problems.add(new FileOutcome.Problem("MD5_MISMATCH",
                        "MD5 is " + stored.md5() + ", the manifest says " + file.listedMd5()));
            }
            ProbeResult facts = probe.probe(archive.resolve(stored.relativePath()));
            String status = "ARCHIVED";
            String reason = null;
            if (!facts.readable()) {
                status = "DAMAGED";
                reason = "media container that FFmpeg cannot open: " + facts.error();
            } else if (facts.truncated()) {
                status = "DAMAGED";
                reason = "truncated: " + facts.truncation();
            }
            return new FileOutcome(file, status, reason, stored, facts, null, stored.sha256(), problems);
        } catch (IOException e) {
            return FileOutcome.failed(file, "I/O error, will be tried again: " + e.getMessage());
        }
    }

    private FileOutcome quarantined(PendingFile file, Path source, String reason, List<FileOutcome.Problem> problems)
            throws IOException {
        Quarantine.Kept kept = quarantine.keep(source, file.dumpFolder(), file.path(), reason);
        return new FileOutcome(file, "QUARANTINED", reason, null, null, kept.relativePath(), kept.copy().sha256(), problems);
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }
}
