package footage.pipeline.continuity;

/**
 * Timeline finding kinds of docs/formats.md §6. The last four come from the device register (§9): the jobs module raises them, the
 * timeline analysis of this library never does.
 */
public enum FindingKind {
    GAP, OVERLAP, DISCONTINUITY, DAMAGED, CLOCK_DRIFT, LATE_UPLOAD, TIME_MISMATCH, CLOCK_UNVERIFIED,
    /** An impossible date or time in a file name or container field: read strictly, never corrected. */
    TIME_UNREADABLE,
    /** A video without an audio stream (Art. 8: sound and picture for the whole process). */
    NO_AUDIO,
    /** Sound below the silence level for longer than {@code footage.continuity.silence}, with where. */
    AUDIO_SILENT,
    /** A dump from a device not in the device register (docs/formats.md §9; only when the register is not empty). */
    UNKNOWN_DEVICE,
    /** A recording whose officer is not the officer the device was assigned to at its time (Art. 18: no lending). */
    DEVICE_LENT,
    /** A damaged recording or an unreadable clock at a docking, and no damage report within 24 h of it (Art. 18). */
    DAMAGE_NOT_REPORTED,
    /** A recording made after its device was retired. */
    RETIRED_DEVICE_USED
}
