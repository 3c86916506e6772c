package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.pipeline.archive.CopyListener;
import footage.pipeline.archive.CopyResult;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.archive.SourceFile;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps what cannot be catalogued as a recording (docs/formats.md §2): a durable copy under
 * {@code quarantine/<dump folder>/<path>} with {@code <path>.reason.txt} beside it. Never overwrites. Copies are made
 * in {@code quarantine/.tmp/}: a hidden folder is never a dump, so no quarantined file can ever be there, and the
 * clean-up of interrupted copies can never take a station's file for one of its own temporary files.
 */
@Component
class Quarantine {

    /** The longest file name (in bytes) of Linux file systems; longer names fail with "File name too long". */
    static final int NAME_MAX = 255;
    static final String TEMP_FOLDER = ".tmp";

    private final Path root;

    Quarantine(FootageProperties properties) {
        this.root = properties.quarantine();
    }

    record Kept(String relativePath, CopyResult copy) {
    }

    Kept keep(SourceFile source, String dumpFolder, String path, String reason) throws IOException {
        Path target = root.resolve(dumpFolder).resolve(path).normalize();
        if (!target.startsWith(root) || target.startsWith(root.resolve(TEMP_FOLDER))) {
            throw new IOException("quarantine path escapes the quarantine folder: " + path);
        }
        DurableFiles.createPrivateDirectories(target.getParent());
        Path temps = root.resolve(TEMP_FOLDER);
        DurableFiles.createPrivateDirectories(temps);
        Path temp = DurableFiles.tempIn(temps);
        try {
            CopyResult copy = DurableFiles.copyAndSync(source, temp, false, CopyListener.NONE);
            Path kept = target;
            for (int n = 2; ; n++) {
                if (Files.exists(kept) && DurableFiles.sha256(kept).equals(copy.sha256())) {
                    break; // kept by an earlier, interrupted run
                }
                try {
                    if (!Files.exists(kept)) {
                        DurableFiles.publish(temp, kept);
                        break;
                    }
                } catch (FileAlreadyExistsException raced) {
                    // fall through to the next free name
                }
                kept = target.resolveSibling(fit(target.getFileName().toString(), "." + n));
            }
            Path reasonFile = kept.resolveSibling(fit(kept.getFileName().toString(), ".reason.txt"));
            Files.deleteIfExists(reasonFile); // an interrupted earlier run may have written it
            // the full name is in the file: the reason file's own name may be shortened
            DurableFiles.writePrivate(reasonFile, (reason + System.lineSeparator() + "file: " + dumpFolder + "/" + path
                    + System.lineSeparator() + "kept as: " + root.relativize(kept) + System.lineSeparator())
                    .getBytes(StandardCharsets.UTF_8));
            DurableFiles.syncDirectory(reasonFile.getParent());
            return new Kept(root.relativize(kept).toString(), copy);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * {@code name + suffix}, or when that is longer than {@link #NAME_MAX} bytes (UTF-8: a Chinese character is 3), a
     * shortened name that is still the same for the same name: as much of it as fits, then {@code ~} and the start of
     * the SHA-256 of the whole name, then the suffix.
     */
    static String fit(String name, String suffix) {
        if ((name + suffix).getBytes(StandardCharsets.UTF_8).length <= NAME_MAX) {
            return name + suffix;
        }
        String mark = "~" + DigestUtils.sha256Hex(name.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + suffix;
        int room = NAME_MAX - mark.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder prefix = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > room) {
                break;
            }
            prefix.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return prefix + mark;
    }

    /** Temporary files of interrupted quarantine copies (only ever in quarantine/.tmp/); their sources are still in the drop folder. */
    void removeStaleTemps() throws IOException {
        Path temps = root.resolve(TEMP_FOLDER);
        if (!Files.isDirectory(temps)) {
            return;
        }
        try (var list = Files.list(temps)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (Files.isRegularFile(p) && DurableFiles.isTemp(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
