package footage.pipeline.archive;

import java.nio.file.Path;

/** Observes a durable copy: progress for people, and fixed points for crash tests. */
public interface CopyListener {

    CopyListener NONE = new CopyListener() { };

    /** Some bytes are in the temporary file, not yet synced. */
    default void copying(Path temp, long bytesCopied, long totalBytes) { }

    /** The file has its final name and its folder is synced; nothing is catalogued yet. */
    default void renamed(Path target) { }
}
