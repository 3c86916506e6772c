package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_PIX_FORMAT;
import static org.bytedeco.ffmpeg.global.avcodec.av_codec_is_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_supported_config;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_format;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** What this FFmpeg build offers, asked by name: the checks behind profile validation. */
final class Codecs {

    static {
        Ffmpeg.init();
    }

    private Codecs() {
    }

    static boolean isMuxer(String name) {
        AVOutputFormat format = av_guess_format(name, null, null);
        return format != null && !format.isNull() && format.name().getString(StandardCharsets.UTF_8).equals(name);
    }

    static boolean isEncoder(String name, boolean video) {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        return codec != null && !codec.isNull() && av_codec_is_encoder(codec) != 0
                && codec.type() == (video ? AVMEDIA_TYPE_VIDEO : AVMEDIA_TYPE_AUDIO);
    }

    /** A codec name as FFmpeg's probe reports it for a stream, e.g. h264, aac. */
    static boolean isCodec(String name, boolean video) {
        AVCodecDescriptor descriptor = avcodec_descriptor_get_by_name(name);
        return descriptor != null && !descriptor.isNull()
                && descriptor.type() == (video ? AVMEDIA_TYPE_VIDEO : AVMEDIA_TYPE_AUDIO);
    }

    /** The codec an encoder writes, e.g. h264 for libx264. */
    static String codecOf(String encoder) {
        AVCodec codec = avcodec_find_encoder_by_name(encoder);
        return avcodec_get_name(codec.id()).getString(StandardCharsets.UTF_8);
    }

    static boolean isPixelFormat(String name) {
        return av_get_pix_fmt(name) != AV_PIX_FMT_NONE;
    }

    static int pixelFormat(String name) {
        return av_get_pix_fmt(name);
    }

    static String pixelFormatName(int format) {
        BytePointer name = av_get_pix_fmt_name(format);
        return name == null || name.isNull() ? "none" : name.getString(StandardCharsets.UTF_8);
    }

    /** Pixel formats the encoder accepts, empty when it does not say. */
    static List<String> pixelFormats(String encoder) {
        return supported(encoder, AV_CODEC_CONFIG_PIX_FORMAT).stream().map(Codecs::pixelFormatName).toList();
    }

    /**
     * What the encoder supports of one kind ({@code AV_CODEC_CONFIG_PIX_FORMAT}, {@code _SAMPLE_FORMAT},
     * {@code _SAMPLE_RATE}: all int lists), empty when it does not say.
     */
    static List<Integer> supported(String encoder, int config) {
        AVCodec codec = avcodec_find_encoder_by_name(encoder);
        List<Integer> values = new ArrayList<>();
        try (PointerPointer<?> configs = new PointerPointer<>(1); IntPointer count = new IntPointer(1)) {
            if (avcodec_get_supported_config((AVCodecContext) null, codec, config, 0, configs, count) < 0
                    || configs.get(0) == null || configs.get(0).isNull()) {
                return values;
            }
            IntPointer list = new IntPointer(configs.get(0));
            for (int i = 0; i < count.get(); i++) {
                values.add(list.get(i));
            }
        }
        return values;
    }
}
