package footage.pipeline.dump;

/**
 * One file of a dump as found on disk and/or listed in its manifest.
 *
 * @param path       path relative to the dump folder, '/'-separated
 * @param listed     whether the manifest lists it
 * @param listedSize size the manifest states, null when unlisted
 * @param listedMd5  MD5 the manifest states, null when none
 * @param actualSize size on disk, null when absent or rejected
 * @param problem    what is wrong with it before any byte is read
 * @param reason     one-line reason for the problem, null when none
 */
public record DumpFile(String path, boolean listed, Long listedSize, String listedMd5, Long actualSize,
                       Problem problem, String reason) {

    public enum Problem { NONE, MISSING, SIZE_MISMATCH, UNLISTED, UNSAFE_PATH }

    /** Whether it has bytes that can be taken in (archived or quarantined). */
    public boolean readable() {
        return problem != Problem.MISSING && problem != Problem.UNSAFE_PATH;
    }
}
