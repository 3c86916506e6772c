package footage.pipeline.transcode;

/**
 * Follows one transcode and may cancel it. Called on the transcoding thread; keep it cheap.
 */
public interface TranscodeListener {

    TranscodeListener NONE = new TranscodeListener() { };

    /**
     * The transcode has reached {@code positionSeconds} of the source (from its start).
     *
     * @param durationSeconds the source's duration as its container states it, NaN when unknown
     */
    default void progress(double positionSeconds, double durationSeconds) { }

    /** Asked between packets: true stops the transcode with a {@link java.util.concurrent.CancellationException}. */
    default boolean cancelled() {
        return false;
    }
}
