package footage.pipeline.continuity;

/**
 * A video timestamp discontinuity inside a file: the timestamp went from {@code fromSeconds} to {@code toSeconds}
 * (positions on the file's own clock, relative to its first video timestamp).
 */
public record Jump(double fromSeconds, double toSeconds) {

    public double seconds() {
        return toSeconds - fromSeconds;
    }
}
