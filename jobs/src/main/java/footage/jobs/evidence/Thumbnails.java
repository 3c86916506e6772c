package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import footage.pipeline.media.RecordingKind;
import footage.pipeline.transcode.DerivativeStore;
import footage.pipeline.transcode.Profile;
import footage.pipeline.transcode.Profiles;
import footage.pipeline.transcode.SourceUnusableException;
import footage.pipeline.transcode.Transcoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The still picture the recording page shows — a video's poster, a photo's preview; a sound recording has none —: the
 * THUMBNAIL derivative the transcode job made, else one made here on first view from the proxy (the original when
 * there is none) with the thumbnail profile for its kind of recording, in-process with FFmpeg's
 * libraries, and kept in {@code <home>/thumbnails/ab/cd/<sha256><suffix>} (temporary file, fsync, rename: the
 * derivative store's protocol). It is a cache, not evidence: no catalog row, no ledger entry for making it, and it
 * can be deleted at any time. Evidence files are only read.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class Thumbnails {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final JdbcClient jdbc;
    private final FootageProperties footage;
    private final Transcoder transcoder;
    private final Map<RecordingKind, Profile> profiles = new EnumMap<>(RecordingKind.class);
    private final Path root;
    /** Striped by digest: two views of one recording at once make it once; most other recordings are not held up. */
    private final Object[] locks = new Object[32];
    private volatile DerivativeStore store;

    Thumbnails(JdbcClient jdbc, FootageProperties footage, Transcoder transcoder, Profiles transcodeProfiles) {
        this.jdbc = jdbc;
        this.footage = footage;
        this.transcoder = transcoder;
        // the configured thumbnail profile if there is one, so the page shows what the transcode job would make
        for (RecordingKind kind : List.of(RecordingKind.VIDEO, RecordingKind.PHOTO)) {
            profiles.put(kind, transcodeProfiles.all().stream()
                    .filter(p -> p.kind() == Profile.Kind.THUMBNAIL && p.appliesTo(kind)).findFirst()
                    .or(() -> Profiles.bundled().get(kind == RecordingKind.PHOTO ? "photo-preview" : "thumbnail"))
                    .orElseThrow());
        }
        this.root = footage.home().resolve("thumbnails");
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The picture of the recording, made now if needed; empty when the recording is unknown or gives none. */
    Optional<Path> of(long recordingId) throws IOException {
        Optional<String[]> row = jdbc.sql("SELECT sha256, archive_path, kind FROM recordings WHERE id = ?")
                .param(recordingId).query((rs, n) -> new String[] {rs.getString("sha256"), rs.getString("archive_path"),
                        rs.getString("kind")})
                .optional();
        if (row.isEmpty() || row.get()[0] == null || !SHA256.matcher(row.get()[0]).matches()) {
            return Optional.empty();
        }
        Profile profile = profiles.get(RecordingKind.valueOf(row.get()[2]));
        if (profile == null) {
            return Optional.empty();
        }
        String sha256 = row.get()[0];
        Optional<Path> made = derivative(recordingId, "= 'THUMBNAIL'").filter(this::servable);
        if (made.isPresent()) {
            return made;
        }
        Path target = root.resolve(profile.relativePath(sha256));
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        Path source = derivative(recordingId, "<> 'THUMBNAIL'").filter(this::servable)
                .orElse(ObjectLocations.resolve(footage, row.get()[1]));
        if (!servable(source)) {
            return Optional.empty();
        }
        synchronized (locks[Math.floorMod(sha256.hashCode(), locks.length)]) {
            try {
                if (!Files.isRegularFile(target)) {
                    store().make(source, sha256, profile, null);
                }
                return Optional.of(target);
            } catch (SourceUnusableException e) {
                return Optional.empty();
            }
        }
    }

    private Optional<Path> derivative(long recordingId, String method) {
        return jdbc.sql("SELECT path FROM derivatives WHERE recording_id = ? AND status = 'MADE' AND method " + method
                        + " AND path IS NOT NULL ORDER BY id").param(recordingId).query(String.class).list().stream()
                .findFirst().map(p -> ObjectLocations.resolveDerivative(footage, p));
    }

    /** A catalogued path that leads outside the stores is never read, whatever the row says. */
    private boolean servable(Path file) {
        Path f = file.toAbsolutePath().normalize();
        return (f.startsWith(footage.archive()) || f.startsWith(footage.proxies()) || f.startsWith(footage.expired()))
                && Files.isRegularFile(f);
    }

    private DerivativeStore store() throws IOException {
        if (store == null) {
            store = new DerivativeStore(root, transcoder);
        }
        return store;
    }
}
