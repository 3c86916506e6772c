package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.pipeline.archive.CopyListener;
import footage.pipeline.archive.CopyResult;
import footage.pipeline.archive.DurableFiles;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps what cannot be catalogued as a recording (DESIGN §4): a durable copy under
 * {@code quarantine/<dump folder>/<path>} with {@code <path>.reason.txt} beside it. Never overwrites.
 */
@Component
class Quarantine {

    private final Path root;

    Quarantine(FootageProperties properties) {
        this.root = properties.quarantine();
    }

    record Kept(String relativePath, CopyResult copy) {
    }

    Kept keep(Path source, String dumpFolder, String path, String reason) throws IOException {
        Path target = root.resolve(dumpFolder).resolve(path).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("quarantine path escapes the quarantine folder: " + path);
        }
        Files.createDirectories(target.getParent());
        Path temp = DurableFiles.tempBeside(target);
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
                kept = target.resolveSibling(target.getFileName() + "." + n);
            }
            Path reasonFile = kept.resolveSibling(kept.getFileName() + ".reason.txt");
            Files.writeString(reasonFile, reason + System.lineSeparator(), StandardCharsets.UTF_8);
            return new Kept(root.relativize(kept).toString(), copy);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files of interrupted quarantine copies; their sources are still in the drop folder. */
    void removeStaleTemps() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && DurableFiles.isTemp(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
