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
 * @param rawPath    the name's bytes in hex when {@code path} does not spell it exactly (not valid UTF-8, a
 *                   backslash, cut to {@link #MAX_PATH}); null when {@code path} is the name
 */
public record DumpFile(String path, boolean listed, Long listedSize, String listedMd5, Long actualSize,
                       Problem problem, String reason, String rawPath) {

    /** The longest path the catalog keeps (characters); a longer one is kept cut, see {@link footage.pipeline.text.Bounded}. */
    public static final int MAX_PATH = 2000;

    public DumpFile(String path, boolean listed, Long listedSize, String listedMd5, Long actualSize, Problem problem,
                    String reason) {
        this(path, listed, listedSize, listedMd5, actualSize, problem, reason, null);
    }

    public enum Problem { NONE, MISSING, SIZE_MISMATCH, UNLISTED, UNSAFE_PATH }

    /** Whether it has bytes that can be taken in (archived or quarantined). */
    public boolean readable() {
        return problem != Problem.MISSING && problem != Problem.UNSAFE_PATH;
    }
}
