package footage.pipeline.media;

/**
 * A video timestamp discontinuity: consecutive video packets (decode order) whose timestamps go backwards or jump
 * forward by more than max(1 s, 3 frame intervals). Positions in seconds from the file's first video timestamp.
 */
public record TimestampJump(double fromSeconds, double toSeconds) {

    public double seconds() {
        return toSeconds - fromSeconds;
    }
}
