package footage.pipeline.archive;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Content-addressed store: {@code <root>/sha256/ab/cd/<sha256>[.ext]}. Objects are only ever added; identical
 * content is stored once. Temporary files live in {@code <root>/tmp} on the same filesystem so the final rename
 * is atomic.
 */
public final class ContentArchive {

    private final Path root;
    private final Path tmp;

    public ContentArchive(Path root) throws IOException {
        this.root = root;
        this.tmp = root.resolve("tmp");
        DurableFiles.createPrivateDirectories(tmp);
        DurableFiles.createPrivateDirectories(root.resolve("sha256"));
    }

    public Path root() {
        return root;
    }

    public static String relativePath(String sha256, String extension) {
        String ext = extension == null || extension.isEmpty() ? "" : "." + extension.toLowerCase(Locale.ROOT);
        return "sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256 + ext;
    }

    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    /**
     * Copies {@code source} in. When the same content is already there, its bytes are re-hashed and must match;
     * a mismatch is a fixity failure of the archive and is reported, never papered over by replacing the object.
     */
    public StoredObject store(Path source, boolean md5, String extension, CopyListener listener) throws IOException {
        SourceFile.Registered now = SourceFile.observe(source);
        if (now == null) {
            throw new NoSuchFileException(source.toString(), null, "not a regular file");
        }
        try (SourceFile opened = SourceFile.open(source.toAbsolutePath().getParent(), source.toAbsolutePath(), now)) {
            return store(opened, md5, extension, listener);
        }
    }

    /**
     * Copies an opened source in (see {@link SourceFile}: nothing is stored unless the whole file was read as it
     * was registered). The temporary file is in {@code <root>/tmp}, a folder no source name ever reaches.
     */
    public StoredObject store(SourceFile source, boolean md5, String extension, CopyListener listener) throws IOException {
        Path temp = DurableFiles.tempIn(tmp);
        try {
            CopyResult copy = DurableFiles.copyAndSync(source, temp, md5, listener);
            String rel = relativePath(copy.sha256(), extension);
            Path target = root.resolve(rel);
            DurableFiles.createPrivateDirectories(target.getParent());
            if (Files.exists(target)) {
                requireSame(target, copy.sha256());
                return new StoredObject(copy.sha256(), copy.md5(), copy.size(), rel, true);
            }
            try {
                DurableFiles.publish(temp, target);
            } catch (FileAlreadyExistsException raced) {
                requireSame(target, copy.sha256());
                return new StoredObject(copy.sha256(), copy.md5(), copy.size(), rel, true);
            }
            listener.renamed(target);
            return new StoredObject(copy.sha256(), copy.md5(), copy.size(), rel, false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void requireSame(Path existing, String sha256) throws IOException {
        String actual = DurableFiles.sha256(existing);
        if (!actual.equals(sha256)) {
            throw new IOException("archive object " + existing + " should hash to " + sha256 + " but hashes to "
                    + actual + ": the archive copy is damaged (fixity failure); it was left as it is");
        }
    }

    /** Removes temporary files an interrupted copy left behind; their sources are still in the drop folder. */
    public int removeStaleTemps() throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (DurableFiles.isTemp(p) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
