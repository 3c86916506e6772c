package footage.pipeline.continuity;

import java.util.Arrays;
import java.util.List;

/**
 * Every finding kind of docs/formats.md §6, stored by name in the catalog's {@code findings.kind}. The timeline kinds
 * are the continuity analysis's and the gap report's; of them the last four come from the device register (§9): the
 * jobs module raises them, the timeline analysis of this library never does. The dump kinds are raised at ingest on a
 * dump or one of its files and are not in the gap report.
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
    RETIRED_DEVICE_USED,

    /** Listed in the manifest, not in the dump (or gone before it was taken in). */
    MISSING_FILE(false),
    /** In a dump that has a manifest, not listed in it (taken in all the same). */
    UNLISTED_FILE(false),
    SIZE_MISMATCH(false),
    MD5_MISMATCH(false),
    /** A path that leaves the dump: not taken in. */
    REJECTED_PATH(false),
    /** Replaced (by a link or another file) after registration: not taken in, left in place. */
    SOURCE_REPLACED(false),
    /** Its reads failed in every allowed run: not taken in, left in place. */
    UNREADABLE_FILE(false),
    /** The manifest lists one file twice under two spellings. */
    DUPLICATE_ENTRY(false),
    /** A manifest value longer than the catalog keeps: kept cut. */
    MANIFEST_VALUE_TOO_LONG(false),
    /** Every file settled, but the folder could not be moved to {@code .done/}. */
    DUMP_NOT_FINISHED(false);

    private static final List<FindingKind> TIMELINE = Arrays.stream(values()).filter(FindingKind::timeline).toList();

    private final boolean timeline;

    FindingKind() {
        this(true);
    }

    FindingKind(boolean timeline) {
        this.timeline = timeline;
    }

    /** Whether the continuity analysis owns it (superseding it when no longer produced) and the gap report shows it. */
    public boolean timeline() {
        return timeline;
    }

    /** The timeline kinds, in declaration order. */
    public static List<FindingKind> timelineKinds() {
        return TIMELINE;
    }
}
