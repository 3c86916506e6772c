package footage.pipeline.sample;

import java.util.Map;
import java.util.Objects;

/**
 * A synthetic recording in one of the other formats recorders write: audio recorders (WAV, MP3, AMR, M4A, Ogg/Opus,
 * FLAC) and older video cameras (AVI). Sound is a 440 Hz tone at -10 dBFS, silent (all zero samples) between
 * {@code silentFrom} and {@code silentTo}.
 *
 * @param format       one of {@link #FORMATS}' keys
 * @param seconds      how long it lasts
 * @param picture      with a moving picture (AVI only)
 * @param sound        with sound (always for the audio formats)
 * @param silentFrom   start of the silent span in seconds, equal to {@code silentTo} for none
 * @param keepFraction 1.0 keeps the whole file; less cuts it there, like a recorder that lost power mid-write
 */
public record RecorderSpec(String format, double seconds, boolean picture, boolean sound, double silentFrom,
                           double silentTo, double keepFraction) {

    /** Format key → FFmpeg muxer, audio encoder, sample rate. */
    static final Map<String, String[]> FORMATS = Map.of(
            "wav", new String[]{"wav", "pcm_s16le", "16000"},
            "mp3", new String[]{"mp3", "libmp3lame", "22050"},
            "amr", new String[]{"amr", "libopencore_amrnb", "8000"},
            "m4a", new String[]{"ipod", "aac", "16000"},
            "ogg", new String[]{"ogg", "libopus", "48000"},
            "flac", new String[]{"flac", "flac", "16000"},
            "avi", new String[]{"avi", "pcm_s16le", "16000"});

    public RecorderSpec {
        Objects.requireNonNull(format, "format");
        if (!FORMATS.containsKey(format)) {
            throw new IllegalArgumentException("format must be one of " + FORMATS.keySet() + " but was '" + format + "'");
        }
        if (!(seconds > 0) || seconds > 3600) {
            throw new IllegalArgumentException("seconds must be in (0, 3600] but was " + seconds);
        }
        if (picture != "avi".equals(format)) {
            throw new IllegalArgumentException("only avi has a picture, and it always has one; format " + format);
        }
        if (!sound && !picture) {
            throw new IllegalArgumentException("an audio format needs sound: " + format);
        }
        if (silentFrom < 0 || silentTo < silentFrom || silentTo > seconds) {
            throw new IllegalArgumentException("the silent span must lie within the recording, was " + silentFrom
                    + ".." + silentTo + " of " + seconds + " s");
        }
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("keepFraction must be in (0, 1] but was " + keepFraction);
        }
    }

    public static RecorderSpec audio(String format, double seconds) {
        return new RecorderSpec(format, seconds, false, true, 0, 0, 1.0);
    }

    public static RecorderSpec avi(double seconds, boolean sound) {
        return new RecorderSpec("avi", seconds, true, sound, 0, 0, 1.0);
    }

    public RecorderSpec silentBetween(double from, double to) {
        return new RecorderSpec(format, seconds, picture, sound, from, to, keepFraction);
    }

    public RecorderSpec cutTo(double fraction) {
        return new RecorderSpec(format, seconds, picture, sound, silentFrom, silentTo, fraction);
    }

    String muxer() {
        return FORMATS.get(format)[0];
    }

    String audioCodec() {
        return FORMATS.get(format)[1];
    }

    int sampleRate() {
        return Integer.parseInt(FORMATS.get(format)[2]);
    }
}
