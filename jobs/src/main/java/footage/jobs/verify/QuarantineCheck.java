package footage.jobs.verify;

import footage.jobs.fixity.ArchiveHasher;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code verify --full}: every quarantined copy the catalog names (dump_files.quarantine_path) re-hashed against the
 * SHA-256 recorded when it was kept. A quarantined file is evidence too: a missing or altered copy is a problem, just
 * as an archive object's would be.
 */
final class QuarantineCheck {

    /** A quarantined copy as the catalog knows it. */
    record Kept(long dumpFileId, String source, String quarantinePath, String sha256) {
    }

    private final Path root;

    QuarantineCheck(Path root) {
        this.root = root;
    }

    void run(List<Kept> copies, List<Problem> problems) {
        for (Kept k : copies) {
            String problem = check(k);
            if (problem != null) {
                problems.add(new Problem("quarantined copy quarantine/" + k.quarantinePath() + " of dump file "
                        + k.dumpFileId() + " (" + k.source() + "): " + problem));
            }
        }
    }

    private String check(Kept k) {
        try {
            ArchiveHasher.Rehash actual = ArchiveHasher.hash(root.resolve(k.quarantinePath()));
            return actual.sha256().equals(k.sha256()) ? null
                    : "changed: its bytes hash to " + actual.sha256() + " (" + actual.size() + " bytes), recorded " + k.sha256();
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }
}
