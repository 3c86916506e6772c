package footage.pipeline.archive;

/** Digests of the bytes that were read and written in one pass. {@code md5} is null when not asked for. */
public record CopyResult(String sha256, String md5, long size) {
}
