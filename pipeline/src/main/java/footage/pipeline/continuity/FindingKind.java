package footage.pipeline.continuity;

/** Finding kinds of DESIGN §7. */
public enum FindingKind {
    GAP, OVERLAP, DISCONTINUITY, DAMAGED, CLOCK_DRIFT, LATE_UPLOAD, TIME_MISMATCH, CLOCK_UNVERIFIED,
    /** An impossible date or time in a file name or container field: read strictly, never corrected. */
    TIME_UNREADABLE,
    /** A video without an audio stream (Art. 8: sound and picture for the whole process). */
    NO_AUDIO,
    /** Sound below the silence level for longer than {@code footage.continuity.silence}, with where. */
    AUDIO_SILENT
}
