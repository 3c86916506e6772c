package footage.pipeline.dump;

/** One file a docking station says it copied. {@code md5} is null when the station gave none. */
public record ManifestEntry(String path, long size, String md5) {
    public ManifestEntry {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("files[].path is required");
        }
        if (size < 0) {
            throw new IllegalArgumentException("files[].size of " + path + " is negative: " + size);
        }
        if (md5 != null && !md5.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("files[].md5 of " + path + " is not 32 hex digits: " + md5);
        }
        md5 = md5 == null ? null : md5.toLowerCase(java.util.Locale.ROOT);
    }
}
