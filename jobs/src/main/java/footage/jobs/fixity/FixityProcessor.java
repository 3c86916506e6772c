package footage.jobs.fixity;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** Re-hashes one archive object; only reads it. */
class FixityProcessor implements ItemProcessor<ArchivedObject, FixityResult> {

    private final FootageProperties properties;
    private final FixityPauseHook pause;

    FixityProcessor(FootageProperties properties, FixityPauseHook pause) {
        this.properties = properties;
        this.pause = pause;
    }

    @Override
    public FixityResult process(ArchivedObject o) {
        pause.nextObject();
        return check(properties, o);
    }

    /** Hashes the object where {@code o.archivePath()} says it is (the archive, or expired/ once moved out). */
    static FixityResult check(FootageProperties properties, ArchivedObject o) {
        try {
            ArchiveHasher.Rehash actual = ArchiveHasher.hash(ObjectLocations.resolve(properties, o.archivePath()));
            String reason = !actual.sha256().equals(o.sha256()) ? "changed: the bytes hash to " + actual.sha256()
                    : actual.size() != o.size() ? "size is " + actual.size() + " bytes, catalogued " + o.size() : null;
            return new FixityResult(o, actual.sha256(), actual.size(), reason);
        } catch (NoSuchFileException e) {
            return new FixityResult(o, null, null, "missing: no file at " + o.archivePath());
        } catch (IOException e) {
            // an object that cannot be read cannot be shown intact: a failure to look into, not a passing error
            return new FixityResult(o, null, null, "unreadable: " + e);
        }
    }
}
