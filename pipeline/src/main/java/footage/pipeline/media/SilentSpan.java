package footage.pipeline.media;

/**
 * A stretch of a recording whose sound stays below the silence level, in seconds from the recording's start.
 */
public record SilentSpan(double fromSeconds, double toSeconds) {

    public SilentSpan {
        if (!(fromSeconds >= 0) || !(toSeconds >= fromSeconds) || !Double.isFinite(toSeconds)) {
            throw new IllegalArgumentException("a silent span needs 0 <= from <= to but was " + fromSeconds + ".."
                    + toSeconds);
        }
    }

    public double seconds() {
        return toSeconds - fromSeconds;
    }
}
