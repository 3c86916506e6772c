package footage.pipeline.media;

import java.util.Objects;
import java.util.Set;

/**
 * One stream of a media file as the container describes it.
 *
 * @param index      stream index in the container
 * @param type       "video", "audio", "subtitle", "data", "attachment" or "unknown"
 * @param codec      FFmpeg codec name, e.g. "h264", "aac", "bin_data" (GoPro telemetry), "none" (timecode)
 * @param codecTag   the container's four-character code for the stream as ffprobe shows it, e.g. "avc1", "gpmd",
 *                   "tmcd", "[27][0][0][0]" (MPEG-TS stream type 0x1b); null when the container gives none
 * @param width      video width in pixels, null for non-video streams
 * @param height     video height in pixels, null for non-video streams
 * @param frameRate  average frame rate, null when unknown (0/0) or not video
 * @param sampleRate audio sample rate in Hz, null for non-audio streams
 * @param channels   audio channel count, null for non-audio streams
 */
public record StreamInfo(int index, String type, String codec, String codecTag, Integer width, Integer height,
                         Double frameRate, Integer sampleRate, Integer channels) {

    public static final String VIDEO = "video";
    public static final String AUDIO = "audio";

    private static final Set<String> TYPES = Set.of(VIDEO, AUDIO, "subtitle", "data", "attachment", "unknown");

    public StreamInfo {
        if (index < 0) {
            throw new IllegalArgumentException("stream index must be >= 0 but was " + index);
        }
        Objects.requireNonNull(type, "stream type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("stream type must be one of " + TYPES + " but was '" + type + "'");
        }
        Objects.requireNonNull(codec, "codec");
        if (codecTag != null && codecTag.isBlank()) {
            throw new IllegalArgumentException("codecTag must be null or non-blank but was '" + codecTag + "'");
        }
        requirePositive("width", width);
        requirePositive("height", height);
        requirePositive("sampleRate", sampleRate);
        requirePositive("channels", channels);
        if (frameRate != null && !(frameRate > 0 && Double.isFinite(frameRate))) {
            throw new IllegalArgumentException("frameRate must be a positive finite number but was " + frameRate);
        }
    }

    public boolean isVideo() {
        return VIDEO.equals(type);
    }

    public boolean isAudio() {
        return AUDIO.equals(type);
    }

    private static void requirePositive(String name, Integer value) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(name + " must be positive when present but was " + value);
        }
    }
}
