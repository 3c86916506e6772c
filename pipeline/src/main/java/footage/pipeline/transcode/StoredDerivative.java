package footage.pipeline.transcode;

/**
 * A derivative durably in place under the store's root.
 *
 * @param relativePath below the store's root, '/'-separated
 * @param sha256       of the derivative's bytes, computed from the synced temporary file before the rename
 */
public record StoredDerivative(String relativePath, String sha256, long size, TranscodeResult result) {
}
