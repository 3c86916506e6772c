package footage.pipeline.archive;

/**
 * An object in the content-addressed archive.
 *
 * @param relativePath   path below the archive root, '/'-separated
 * @param alreadyPresent true when identical content was already archived (nothing new was written)
 */
public record StoredObject(String sha256, String md5, long size, String relativePath, boolean alreadyPresent) {
}
