package footage.jobs.fixity;

/** A recording's archive object as the catalog knows it: what its bytes must hash to, and where they are. */
public record ArchivedObject(long recordingId, String sha256, long size, String archivePath, String originalPath) {

    /** How problems name an object: its SHA-256 and the name it had in its dump. */
    public String label() {
        return "archive object " + sha256 + " (" + originalPath + ")";
    }
}
