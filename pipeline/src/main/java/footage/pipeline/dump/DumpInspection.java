package footage.pipeline.dump;

import java.nio.file.Path;
import java.util.List;

/** The verdict on one folder of the drop folder. */
public record DumpInspection(Path dir, State state, String reason, DumpManifest manifest, String manifestSha256,
                             List<DumpFile> files, List<DumpNote> notes) {

    public enum State {
        /** Still being written, or too recently changed: look again later. */
        WAITING,
        /** Can be registered and taken in; file problems (if any) become findings. */
        READY,
        /** Its manifest cannot be used: the whole dump is quarantined with {@link #reason()}. */
        MALFORMED
    }

    public DumpInspection {
        files = files == null ? List.of() : List.copyOf(files);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public DumpInspection(Path dir, State state, String reason, DumpManifest manifest, String manifestSha256,
                          List<DumpFile> files) {
        this(dir, state, reason, manifest, manifestSha256, files, List.of());
    }

    public boolean hasManifest() {
        return manifest != null;
    }
}
