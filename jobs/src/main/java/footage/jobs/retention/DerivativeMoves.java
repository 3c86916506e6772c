package footage.jobs.retention;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import footage.jobs.ledger.Ledger;
import footage.jobs.transcode.Derivatives;
import footage.pipeline.archive.CopyListener;
import footage.pipeline.archive.CopyResult;
import footage.pipeline.archive.DurableFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A recording's derivatives (proxies, thumbnails: the {@code derivatives} table, transcode's {@link Derivatives}) go to expired/
 * with it (docs/formats.md §12), by the same protocol: verified copy under {@code expired/proxies/<path>}, then the row's path
 * and a DERIVATIVE_MOVED_OUT entry in the recording's transaction, then the original removed from footage.proxies.
 * Without the table (a catalog from before the transcode feature) there is nothing to move.
 */
@Component
class DerivativeMoves {

    static final String FOLDER = "proxies/";

    /** A made derivative still below footage.proxies. */
    record Derivative(long id, long recordingId, String path, String sha256, Long size) {
        String expiredPath() {
            return ObjectLocations.EXPIRED_PREFIX + FOLDER + path;
        }
    }

    private final JdbcClient jdbc;
    private final Derivatives catalogued;
    private final Ledger ledger;
    private final FootageProperties properties;
    private Boolean available;

    DerivativeMoves(JdbcClient jdbc, Derivatives catalogued, Ledger ledger, FootageProperties properties) {
        this.jdbc = jdbc;
        this.catalogued = catalogued;
        this.ledger = ledger;
        this.properties = properties;
    }

    /** Asked of the schema, not by trying a query: a failed statement would spoil a PostgreSQL transaction. */
    synchronized boolean available() {
        if (available == null) {
            available = jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'derivatives'")
                    .query(Long.class).single() > 0;
        }
        return available;
    }

    static Derivative derivative(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Derivative(rs.getLong("id"), rs.getLong("recording_id"), rs.getString("path"), rs.getString("sha256"),
                rs.getObject("size_bytes", Long.class));
    }

    List<Derivative> inProxies(long recordingId) {
        if (!available()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, recording_id, path, sha256, size_bytes FROM derivatives WHERE recording_id = ? "
                        + "AND status = 'MADE' AND path IS NOT NULL AND path NOT LIKE 'expired/%' ORDER BY id")
                .param(recordingId).query(DerivativeMoves::derivative)
                .list();
    }

    /** Derivatives of recordings already moved out that are still below footage.proxies (made while a sweep ran). */
    List<Derivative> stragglers() {
        if (!available()) {
            return List.of();
        }
        return jdbc.sql("SELECT d.id, d.recording_id, d.path, d.sha256, d.size_bytes FROM derivatives d "
                        + "JOIN recordings r ON r.id = d.recording_id WHERE r.archive_path LIKE 'expired/%' "
                        + "AND d.status = 'MADE' AND d.path IS NOT NULL AND d.path NOT LIKE 'expired/%' ORDER BY d.id")
                .query(DerivativeMoves::derivative)
                .list();
    }

    /** Moved derivatives (their paths), for finishing removals and finding unused copies. */
    List<String> movedPaths() {
        if (!available()) {
            return List.of();
        }
        return jdbc.sql("SELECT path FROM derivatives WHERE path LIKE 'expired/%'").query(String.class).list();
    }

    Path original(String path) {
        return properties.proxies().resolve(path);
    }

    Path copy(String path) {
        return properties.expired().resolve(FOLDER + path);
    }

    /** A verified copy in expired/proxies/; one left by an interrupted sweep is checked and reused. */
    void copyIn(Derivative d) throws IOException {
        Path source = original(d.path());
        Path target = copy(d.path());
        if (Files.exists(target)) {
            requireIntact(target, d);
            return;
        }
        if (!Files.exists(source)) {
            throw new ExpiredStore.NotIntact("its derivative " + d.id() + " is missing: no file at " + source);
        }
        DurableFiles.createPrivateDirectories(target.getParent());
        Path temp = DurableFiles.tempBeside(target);
        try {
            CopyResult copy = DurableFiles.copyAndSync(source, temp, false, CopyListener.NONE);
            if (d.sha256() != null && !copy.sha256().equals(d.sha256())) {
                throw new ExpiredStore.NotIntact("its derivative " + d.id() + " (" + d.path() + ") hashes to "
                        + copy.sha256() + ", not to the catalogued " + d.sha256());
            }
            try {
                DurableFiles.publish(temp, target);
            } catch (FileAlreadyExistsException raced) {
                // published meanwhile: checked below like any other
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        requireIntact(target, d);
    }

    /** In the recording's transaction: the row names the copy, and the ledger says so. */
    void record(Derivative d, long sweep, String actor) {
        catalogued.movedOut(d.id(), d.expiredPath());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("recordingId", d.recordingId());
        payload.put("path", d.expiredPath());
        payload.put("from", d.path());
        payload.put("sha256", d.sha256());
        payload.put("size", d.size());
        payload.put("sweep", sweep);
        ledger.append("DERIVATIVE_MOVED_OUT", "derivative:" + d.id(), actor, payload);
    }

    void removeOriginal(String path) throws IOException {
        Path original = original(path);
        if (Files.deleteIfExists(original)) {
            DurableFiles.syncDirectory(original.getParent());
        }
    }

    void removeCopy(String path) throws IOException {
        Path copy = copy(path);
        if (Files.deleteIfExists(copy)) {
            DurableFiles.syncDirectory(copy.getParent());
        }
    }

    void requireIntact(Path file, Derivative d) throws IOException {
        if (d.sha256() == null) {
            return;
        }
        String actual = DurableFiles.sha256(file);
        if (!actual.equals(d.sha256())) {
            throw new ExpiredStore.NotIntact("its derivative " + d.id() + " at " + file + " hashes to " + actual
                    + ", not to the catalogued " + d.sha256());
        }
    }

    /** Paths (below expired/proxies/) of every file there, temporary files of killed copies included. */
    List<String> filesInExpired() throws IOException {
        Path root = properties.expired().resolve(FOLDER);
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> found.add(root.relativize(p).toString().replace('\\', '/')));
        }
        return found;
    }
}
