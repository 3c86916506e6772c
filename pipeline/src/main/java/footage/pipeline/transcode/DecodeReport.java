package footage.pipeline.transcode;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What decoding every packet of a recording's video and audio found.
 *
 * @param errors        how many packets or frames did not decode cleanly (see {@link DecodeErrors} for what counts)
 * @param firstSeconds  where the first of them is, seconds into the file (from its start); NaN without errors
 * @param lastSeconds   where the last of them is; NaN without errors
 * @param positions     where they are, in the order found, at most {@link DecodeErrors#MAX_POSITIONS}
 * @param videoFrames   video frames decoded
 * @param audioFrames   audio frames decoded
 * @param firstError    FFmpeg's words for the first error, null without errors
 */
public record DecodeReport(long errors, double firstSeconds, double lastSeconds, List<Double> positions,
                           long videoFrames, long audioFrames, String firstError) {

    public DecodeReport {
        Objects.requireNonNull(positions, "positions");
        positions = List.copyOf(positions);
    }

    public boolean clean() {
        return errors == 0;
    }

    /** "73 decode errors between 4.20 s and 9.87 s", "1 decode error at 3.00 s"; null when clean. */
    public String summary() {
        if (clean()) {
            return null;
        }
        if (errors == 1 || firstSeconds == lastSeconds) {
            return String.format(Locale.ROOT, "%d decode error%s at %.2f s", errors, errors == 1 ? "" : "s", firstSeconds);
        }
        return String.format(Locale.ROOT, "%d decode errors between %.2f s and %.2f s", errors, firstSeconds, lastSeconds);
    }
}
