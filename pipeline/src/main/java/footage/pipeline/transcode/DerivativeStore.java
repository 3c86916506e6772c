package footage.pipeline.transcode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.stream.Stream;

import footage.pipeline.archive.DurableFiles;

/**
 * Derivatives on disk: {@code <root>/ab/cd/<original sha256><profile suffix>}, next to the other derivatives of the
 * same original, written with the durable protocol of docs/architecture.md §4: a temporary file in the destination folder →
 * fsync → SHA-256 → atomic rename (never replacing) → folder fsync. The caller catalogues the result afterwards; a
 * crash before that leaves at worst a temporary file ({@link #removeStaleTemps}) or a complete but uncatalogued
 * derivative, which the next {@link #make} replaces.
 */
public final class DerivativeStore {

    private final Path root;
    private final Transcoder transcoder;

    /** Observes the protocol: progress for people, fixed points for crash tests. */
    public interface Listener extends TranscodeListener {

        Listener NONE = new Listener() { };

        /** The derivative is complete in its temporary file, synced, not yet renamed. */
        default void written(Path temp) { }

        /** It has its final name and its folder is synced; nothing is catalogued yet. */
        default void renamed(Path target) { }

        /** An uncatalogued derivative of an interrupted run was in the way and is removed. */
        default void replacing(Path leftover) { }
    }

    public DerivativeStore(Path root, Transcoder transcoder) throws IOException {
        // a proxy is the footage itself, smaller: as private as the archive
        DurableFiles.createPrivateDirectories(root);
        this.root = root;
        this.transcoder = Objects.requireNonNull(transcoder, "transcoder");
    }

    public Path root() {
        return root;
    }

    /**
     * Makes the derivative of {@code original} (whose SHA-256 names it) with {@code profile}. Only call it for a
     * derivative the catalog does not hold: a file already at the final name is a leftover of a run that was
     * killed before its catalog commit, and is replaced.
     */
    public StoredDerivative make(Path original, String originalSha256, Profile profile, Listener listener)
            throws IOException {
        Listener l = listener == null ? Listener.NONE : listener;
        String relative = profile.relativePath(originalSha256);
        Path target = root.resolve(relative);
        DurableFiles.createPrivateDirectories(target.getParent());
        Path temp = DurableFiles.tempBeside(target);
        try {
            TranscodeResult result = transcoder.transcode(original, profile, temp, l);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            long size = Files.size(temp);
            String sha256 = DurableFiles.sha256(temp);
            l.written(temp);
            if (Files.exists(target)) {
                l.replacing(target);
                Files.delete(target);
            }
            DurableFiles.publish(temp, target);
            l.renamed(target);
            return new StoredDerivative(relative, sha256, size, result);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes the temporary files interrupted runs left anywhere below the root; returns how many. */
    public int removeStaleTemps() throws IOException {
        int removed = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && DurableFiles.isTemp(p) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
