package footage.pipeline.media;

/**
 * What a recording is (issue 16, rules Art. 2): video cameras, audio recorders and cameras all make evidence.
 * Decided from a file's bytes, never from its extension.
 */
public enum RecordingKind {
    /** Moving picture, with or without sound: a segment on the device's timeline. */
    VIDEO,
    /** Sound only: a segment on the device's timeline, closes gaps like video. */
    AUDIO,
    /** A still picture: an instant on the timeline, never closes a gap. */
    PHOTO
}
