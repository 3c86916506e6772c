package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_SAMPLE_FORMAT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_SAMPLE_RATE;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The filter chains (ffmpeg {@code -vf}/{@code -af} syntax) that turn a source's frames into a profile's. */
final class Filters {

    private static final int PREFERRED_SAMPLE_RATE = 48_000;

    private Filters() {
    }

    /**
     * Deinterlace when the source is interlaced, stand the picture upright when its display matrix turns it (as
     * ffmpeg's autorotate does, so every player and the JPEG show it the right way up), scale down to the profile's
     * lines (never up; even sizes, as 4:2:0 needs, which also fixes odd-sized sources), cap the frame rate, convert
     * to the profile's pixel format (YUV to YUV).
     *
     * @param sourceFps the source's frame rate, NaN when unknown (then it is not capped)
     */
    static String video(Profile profile, int rotation, boolean interlaced, double sourceFps) {
        List<String> chain = new ArrayList<>();
        if (interlaced) {
            // frames not flagged interlaced pass through untouched
            chain.add("yadif=mode=send_frame:parity=auto:deint=interlaced");
        }
        switch (rotation) {
            case 90 -> chain.add("transpose=clock");
            case 180 -> {
                chain.add("hflip");
                chain.add("vflip");
            }
            case 270 -> chain.add("transpose=cclock");
            default -> { }
        }
        if (profile.maxWidth() == null) {
            chain.add("scale=w=-2:h='trunc(min(ih," + profile.maxHeight() + ")/2)*2'");
        } else {
            // a box the picture fits in, whichever side is long (a portrait photo is limited by its height)
            chain.add("scale=w='min(iw," + profile.maxWidth() + ")':h='min(ih," + profile.maxHeight()
                    + ")':force_original_aspect_ratio=decrease:force_divisible_by=2");
        }
        if (profile.maxFps() != null && sourceFps > profile.maxFps() + 0.01) {
            chain.add("fps=" + plain(profile.maxFps()));
        }
        chain.add("format=" + profile.pixelFormat());
        return String.join(",", chain);
    }

    /** The encoder's sample format, and its sample rate when it cannot take the source's. */
    static String audio(Profile profile, int sourceRate) {
        List<Integer> formats = Codecs.supported(profile.audioCodec(), AV_CODEC_CONFIG_SAMPLE_FORMAT);
        List<Integer> rates = Codecs.supported(profile.audioCodec(), AV_CODEC_CONFIG_SAMPLE_RATE);
        StringBuilder chain = new StringBuilder("aformat=");
        List<String> parts = new ArrayList<>();
        if (!formats.isEmpty()) {
            parts.add("sample_fmts=" + av_get_sample_fmt_name(formats.get(0)).getString(StandardCharsets.UTF_8));
        }
        if (!rates.isEmpty() && !rates.contains(sourceRate)) {
            parts.add("sample_rates=" + (rates.contains(PREFERRED_SAMPLE_RATE) ? PREFERRED_SAMPLE_RATE : rates.get(0)));
        }
        if (parts.isEmpty()) {
            return "anull";
        }
        return chain.append(String.join(":", parts)).toString();
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
    }
}
