package footage.jobs.fixity;

/**
 * What re-hashing one archive object found.
 *
 * @param actualSha256 null when the object could not be read at all
 * @param reason       null when the object is intact, else why it failed (changed, missing, unreadable)
 */
record FixityResult(ArchivedObject object, String actualSha256, Long actualSize, String reason) {

    boolean ok() {
        return reason == null;
    }
}
