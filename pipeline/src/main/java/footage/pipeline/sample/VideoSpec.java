package footage.pipeline.sample;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;

/**
 * What synthetic recording to write. Video is always H.264 (libx264) in YUV 4:2:0 — or 4:4:4 when
 * {@code fullChroma}, the only way H.264 codes an odd width or height; audio, when present, is AAC.
 *
 * @param creationTime  ISO-8601 instant written as the container creation_time, null for none
 *                      (MPEG-TS has no such field and ignores it)
 * @param format        "mp4" or "mpegts"
 * @param faststart     mp4 only: index (moov) before the media data, as recorders that finalise properly do
 * @param keepFraction  1.0 keeps the whole file; less cuts the written file to that fraction of its
 *                      bytes, like a recorder that lost power mid-write
 * @param jumpAtSeconds where the timestamps jump (a recorder that paused or whose clock stepped), 0 for none
 * @param jumpSeconds   how far they jump there: positive forward, negative backward
 * @param rotation      clockwise degrees (0, 90, 180, 270) a player turns the picture, written as the video
 *                      stream's display matrix (mp4 only), as phones and some body cameras record upright footage
 * @param interlaced    encoded as interlaced (MBAFF, top field first), as broadcast-style cameras do
 * @param fullChroma    encoded in YUV 4:4:4 (High 4:4:4 profile), which allows odd sizes
 */
public record VideoSpec(int width, int height, int frameRate, double durationSeconds, boolean audio,
                        String creationTime, String format, boolean faststart, double keepFraction,
                        double jumpAtSeconds, double jumpSeconds, int rotation, boolean interlaced,
                        boolean fullChroma) {

    public static final String MP4 = "mp4";
    public static final String MPEG_TS = "mpegts";

    private static final Set<String> FORMATS = Set.of(MP4, MPEG_TS);

    public VideoSpec {
        if (width <= 0 || height <= 0 || (!fullChroma && (width % 2 != 0 || height % 2 != 0))) {
            throw new IllegalArgumentException("width and height must be positive and even (YUV 4:2:0) but were "
                    + width + "x" + height + (width > 0 && height > 0 ? "; odd sizes need fullChroma (4:4:4)" : ""));
        }
        if (frameRate < 1 || frameRate > 120) {
            throw new IllegalArgumentException("frameRate must be 1..120 but was " + frameRate);
        }
        if (!(durationSeconds > 0) || !Double.isFinite(durationSeconds)) {
            throw new IllegalArgumentException("durationSeconds must be positive but was " + durationSeconds);
        }
        if (creationTime != null) {
            try {
                Instant.parse(creationTime);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("creationTime must be an ISO-8601 instant such as "
                        + "2019-02-17T09:30:00Z but was '" + creationTime + "'", e);
            }
        }
        Objects.requireNonNull(format, "format");
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be one of " + FORMATS + " but was '" + format + "'");
        }
        if (faststart && !MP4.equals(format)) {
            throw new IllegalArgumentException("faststart applies to mp4 only, not to " + format);
        }
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("keepFraction must be in (0, 1] but was " + keepFraction);
        }
        if (jumpAtSeconds < 0 || jumpAtSeconds >= durationSeconds || (jumpAtSeconds == 0) != (jumpSeconds == 0)) {
            throw new IllegalArgumentException("a jump needs 0 < jumpAtSeconds < durationSeconds and a non-zero size, got "
                    + jumpSeconds + " s at " + jumpAtSeconds + " s");
        }
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270 degrees but was " + rotation);
        }
        if (rotation != 0 && !MP4.equals(format)) {
            throw new IllegalArgumentException("a display rotation applies to mp4 only, not to " + format);
        }
    }

    public VideoSpec(int width, int height, int frameRate, double durationSeconds, boolean audio, String creationTime,
                     String format, boolean faststart, double keepFraction, double jumpAtSeconds, double jumpSeconds) {
        this(width, height, frameRate, durationSeconds, audio, creationTime, format, faststart, keepFraction,
                jumpAtSeconds, jumpSeconds, 0, false, false);
    }

    public VideoSpec(int width, int height, int frameRate, double durationSeconds, boolean audio, String creationTime,
                     String format, boolean faststart, double keepFraction) {
        this(width, height, frameRate, durationSeconds, audio, creationTime, format, faststart, keepFraction, 0, 0);
    }

    /** Timestamps jump by {@code seconds} (negative: back) at {@code atSeconds} into the recording. */
    public VideoSpec withJump(double atSeconds, double seconds) {
        return new VideoSpec(width, height, frameRate, durationSeconds, audio, creationTime, format, faststart,
                keepFraction, atSeconds, seconds, rotation, interlaced, fullChroma);
    }

    /** Frames from this one on carry the jumped timestamps. */
    int jumpFrame() {
        return jumpSeconds == 0 ? Integer.MAX_VALUE : (int) Math.round(jumpAtSeconds * frameRate);
    }

    long jumpFrames() {
        return Math.round(jumpSeconds * frameRate);
    }

    /** 160x120 at 10 fps with mono 8 kHz AAC, faststart mp4, whole file: a few KB per second. */
    public static VideoSpec small(double seconds, String creationTime) {
        return new VideoSpec(160, 120, 10, seconds, true, creationTime, MP4, true, 1.0);
    }

    public VideoSpec truncatedTo(double fraction) {
        return new VideoSpec(width, height, frameRate, durationSeconds, audio, creationTime, format, faststart, fraction,
                jumpAtSeconds, jumpSeconds, rotation, interlaced, fullChroma);
    }

    public VideoSpec withoutAudio() {
        return new VideoSpec(width, height, frameRate, durationSeconds, false, creationTime, format, faststart,
                keepFraction, jumpAtSeconds, jumpSeconds, rotation, interlaced, fullChroma);
    }

    public VideoSpec asMpegTs() {
        return new VideoSpec(width, height, frameRate, durationSeconds, audio, creationTime, MPEG_TS, false,
                keepFraction, jumpAtSeconds, jumpSeconds, rotation, interlaced, fullChroma);
    }

    /** mp4 with its index at the end, as a recorder writes it while recording. */
    public VideoSpec withoutFaststart() {
        return new VideoSpec(width, height, frameRate, durationSeconds, audio, creationTime, format, false,
                keepFraction, jumpAtSeconds, jumpSeconds, rotation, interlaced, fullChroma);
    }

    /** Another picture size; an odd width or height is coded in 4:4:4 (H.264 cannot code it in 4:2:0). */
    public VideoSpec withSize(int newWidth, int newHeight) {
        return new VideoSpec(newWidth, newHeight, frameRate, durationSeconds, audio, creationTime, format, faststart,
                keepFraction, jumpAtSeconds, jumpSeconds, rotation, interlaced,
                fullChroma || newWidth % 2 != 0 || newHeight % 2 != 0);
    }

    /** A player turns the picture {@code degrees} clockwise (the stream's display matrix). */
    public VideoSpec rotatedBy(int degrees) {
        return new VideoSpec(width, height, frameRate, durationSeconds, audio, creationTime, format, faststart,
                keepFraction, jumpAtSeconds, jumpSeconds, degrees, interlaced, fullChroma);
    }

    /** Coded interlaced, top field first. */
    public VideoSpec asInterlaced() {
        return new VideoSpec(width, height, frameRate, durationSeconds, audio, creationTime, format, faststart,
                keepFraction, jumpAtSeconds, jumpSeconds, rotation, true, fullChroma);
    }

    /** Whole frames to encode: the duration rounded to the frame grid. */
    int frameCount() {
        return Math.max(1, (int) Math.round(durationSeconds * frameRate));
    }
}
