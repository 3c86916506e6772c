package footage.jobs.catalog;

import footage.jobs.FootageProperties;

import java.nio.file.Path;

/**
 * Where a recording's object is. {@code recordings.archive_path} is relative to the archive ({@code sha256/ab/cd/…})
 * until the retention sweep moves the object out; from then on it is {@code expired/sha256/ab/cd/…}, relative to
 * {@code footage.expired}, which may be on another filesystem. The catalog row and its ledger entries therefore say
 * where the bytes are, and every reader of objects (verify, fixity audit, export) resolves the path here.
 */
public final class ObjectLocations {

    public static final String EXPIRED_PREFIX = "expired/";

    private ObjectLocations() {
    }

    public static boolean isExpired(String archivePath) {
        return archivePath != null && archivePath.startsWith(EXPIRED_PREFIX);
    }

    /** The file a catalogued archive path names. */
    public static Path resolve(FootageProperties properties, String archivePath) {
        return resolve(properties.archive(), properties.expired(), archivePath);
    }

    public static Path resolve(Path archive, Path expired, String archivePath) {
        return isExpired(archivePath) ? expired.resolve(archivePath.substring(EXPIRED_PREFIX.length()))
                : archive.resolve(archivePath);
    }

    /**
     * The file a derivative's {@code derivatives.path} names: below {@code footage.proxies}, or once moved out with its
     * recording {@code expired/proxies/…}, relative to {@code footage.expired}.
     */
    public static Path resolveDerivative(FootageProperties properties, String path) {
        return isExpired(path) ? properties.expired().resolve(path.substring(EXPIRED_PREFIX.length()))
                : properties.proxies().resolve(path);
    }

    /** The catalogued path of an object once moved out: the same content address under {@code expired/}. */
    public static String expiredPath(String archivePath) {
        return EXPIRED_PREFIX + archivePath;
    }

    /** The content address below either root, whichever the object is in. */
    public static String relative(String archivePath) {
        return isExpired(archivePath) ? archivePath.substring(EXPIRED_PREFIX.length()) : archivePath;
    }
}
