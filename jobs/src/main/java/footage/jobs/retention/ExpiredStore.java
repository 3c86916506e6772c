package footage.jobs.retention;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import footage.pipeline.archive.CopyListener;
import footage.pipeline.archive.CopyResult;
import footage.pipeline.archive.DurableFiles;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The expired area ({@code footage.expired}): a content-addressed store like the archive, possibly on another
 * filesystem, so objects arrive by copy (the durable protocol of docs/architecture.md §4: temporary file, fsync, hash, atomic
 * no-replace rename, folder fsync) and leave the archive only once the catalog says where they are.
 */
@Component
class ExpiredStore {

    /** The archive object's bytes are not the catalogued ones: it is not moved, and {@code verify --full} names it. */
    static final class NotIntact extends IOException {
        NotIntact(String message) {
            super(message);
        }
    }

    private final FootageProperties properties;

    ExpiredStore(FootageProperties properties) {
        this.properties = properties;
    }

    Path original(String relative) {
        return properties.archive().resolve(relative);
    }

    Path copy(String relative) {
        return properties.expired().resolve(relative);
    }

    private Path temps() {
        return properties.expired().resolve("tmp");
    }

    /**
     * Puts a verified copy of the recording's archive object into expired/ and returns its catalogued path. The copy
     * is hashed while written and published only when its bytes are the catalogued ones; once it has its name it is
     * read back (what landed on the other disk must be right too). A copy an interrupted sweep left there is checked
     * and reused.
     */
    String copyIn(RetentionRow r, CopyListener listener) throws IOException {
        String relative = ObjectLocations.relative(r.archivePath());
        Path source = original(relative);
        Path target = copy(relative);
        if (!Files.exists(target)) {
            if (!Files.exists(source)) {
                throw new NotIntact("missing: no file at " + source);
            }
            DurableFiles.createPrivateDirectories(temps());
            DurableFiles.createPrivateDirectories(target.getParent());
            Path temp = DurableFiles.tempBeside(temps().resolve(target.getFileName()));
            try {
                CopyResult copy = DurableFiles.copyAndSync(source, temp, false, listener);
                if (!copy.sha256().equals(r.sha256()) || copy.size() != r.size()) {
                    throw new NotIntact("changed: its bytes hash to " + copy.sha256() + " (" + copy.size()
                            + " bytes, catalogued " + r.size() + ")");
                }
                try {
                    DurableFiles.publish(temp, target);
                } catch (FileAlreadyExistsException raced) {
                    // there meanwhile: read back below like any other
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        requireIntact(target, r, "the copy in expired/");
        return ObjectLocations.expiredPath(relative);
    }

    /** Removes the archive object once the catalog names its copy; the folder is synced so the removal lasts. */
    void removeOriginal(String relative) throws IOException {
        Path original = original(relative);
        if (Files.deleteIfExists(original)) {
            DurableFiles.syncDirectory(original.getParent());
        }
    }

    /** Removes a copy the catalog does not name (the original is still in the archive). */
    void removeCopy(String relative) throws IOException {
        Path copy = copy(relative);
        if (Files.deleteIfExists(copy)) {
            DurableFiles.syncDirectory(copy.getParent());
        }
    }

    void requireIntact(Path file, RetentionRow r, String what) throws IOException {
        String actual;
        try {
            actual = DurableFiles.sha256(file);
        } catch (NoSuchFileException e) {
            throw new NotIntact(what + " is missing: " + file);
        }
        if (!actual.equals(r.sha256()) || Files.size(file) != r.size()) {
            throw new NotIntact(what + " hashes to " + actual + " (" + Files.size(file) + " bytes), not to the catalogued "
                    + r.sha256() + " (" + r.size() + " bytes): " + file);
        }
    }

    /** Temporary files of copies a killed sweep left; their originals are still in the archive. */
    int removeStaleTemps() throws IOException {
        if (!Files.isDirectory(temps())) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(temps())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (DurableFiles.isTemp(p) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Content addresses ({@code sha256/ab/cd/…}) of every object in expired/. */
    List<String> objects() throws IOException {
        Path store = properties.expired().resolve("sha256");
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(store)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(store)) {
            walk.filter(Files::isRegularFile).sorted()
                    .forEach(p -> found.add(properties.expired().relativize(p).toString().replace('\\', '/')));
        }
        return found;
    }
}
