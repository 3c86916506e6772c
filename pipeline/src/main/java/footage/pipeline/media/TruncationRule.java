package footage.pipeline.media;

import java.util.Locale;

/**
 * Decides whether the packets of a file stop clearly before the duration its container states:
 * a recorder that loses power keeps the header (with the planned or last-flushed duration) but
 * not the tail of the media data.
 */
final class TruncationRule {

    static final double MIN_SHORTFALL_SECONDS = 0.5;
    static final int MIN_SHORTFALL_FRAMES = 2;

    private TruncationRule() {
    }

    /**
     * @param statedSeconds  container duration, null when unknown or only estimated
     * @param packetsEnd     end of the last packet (timestamp + duration) relative to the container start, null when no packets
     * @param frameInterval  nominal seconds per frame, null when unknown
     * @return the reason when truncated, else null
     */
    static String shortfall(Double statedSeconds, Double packetsEnd, Double frameInterval) {
        if (statedSeconds == null || statedSeconds <= 0) {
            return null;
        }
        if (packetsEnd == null) {
            return String.format(Locale.ROOT, "no packets although the container states %.2f s", statedSeconds);
        }
        double missing = statedSeconds - packetsEnd;
        if (missing <= tolerance(frameInterval)) {
            return null;
        }
        return String.format(Locale.ROOT, "packets end at %.2f s but the container states %.2f s (%.2f s missing)",
                packetsEnd, statedSeconds, missing);
    }

    /** How far apart two ends may be and still be the same end: half a second, or two frames when longer. */
    static double tolerance(Double frameInterval) {
        return Math.max(MIN_SHORTFALL_SECONDS, frameInterval == null ? 0 : MIN_SHORTFALL_FRAMES * frameInterval);
    }

    static String readError(long packetsRead, Double packetsEnd, String error) {
        String position = packetsEnd == null ? "" : String.format(Locale.ROOT, " at %.2f s", packetsEnd);
        return "reading stopped after " + packetsRead + " packets" + position + ": " + error;
    }
}
