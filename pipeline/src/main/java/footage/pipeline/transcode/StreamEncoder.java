package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_QSCALE;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_ch_layout;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_color_range;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_colorspace;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_format;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_h;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_sample_aspect_ratio;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_sample_rate;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_w;
import static org.bytedeco.ffmpeg.global.avutil.FF_QP2LAMBDA;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.io.IOException;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** An encoder set up from a profile and the format of the frames its filter chain delivers. */
final class StreamEncoder implements AutoCloseable {

    private final AVCodecContext context;

    private StreamEncoder(AVCodecContext context) {
        this.context = context;
    }

    /** The profile's video encoder; threads chosen by the encoder (x264: automatic), as ffmpeg leaves them. */
    static StreamEncoder video(Profile profile, FilterGraph filters, AVRational sourceRate, boolean globalHeader)
            throws IOException {
        AVFilterContext sink = filters.sink();
        AVRational sinkRate = filters.frameRate();
        AVRational rate = sinkRate.num() > 0 && sinkRate.den() > 0 ? sinkRate : sourceRate;
        return open(profile.videoCodec(), globalHeader, context -> {
            context.width(av_buffersink_get_w(sink));
            context.height(av_buffersink_get_h(sink));
            context.pix_fmt(av_buffersink_get_format(sink));
            context.sample_aspect_ratio(av_buffersink_get_sample_aspect_ratio(sink));
            context.colorspace(av_buffersink_get_colorspace(sink));
            context.color_range(av_buffersink_get_color_range(sink));
            context.time_base(filters.timeBase());
            if (rate != null && rate.num() > 0 && rate.den() > 0) {
                context.framerate(rate);
            }
            context.thread_count(0);
        }, options -> {
            if (profile.videoPreset() != null) {
                av_dict_set(options, "preset", profile.videoPreset(), 0);
            }
            if (profile.videoCrf() != null) {
                av_dict_set(options, "crf", String.format(Locale.ROOT, "%s", plain(profile.videoCrf())), 0);
            } else {
                av_dict_set(options, "b", Long.toString(profile.videoBitrate()), 0);
            }
        });
    }

    static StreamEncoder audio(Profile profile, FilterGraph filters, boolean globalHeader) throws IOException {
        AVFilterContext sink = filters.sink();
        return open(profile.audioCodec(), globalHeader, context -> {
            context.sample_fmt(av_buffersink_get_format(sink));
            context.sample_rate(av_buffersink_get_sample_rate(sink));
            av_buffersink_get_ch_layout(sink, context.ch_layout());
            context.time_base(av_make_q(1, av_buffersink_get_sample_rate(sink)));
            context.bit_rate(profile.audioBitrate());
        }, options -> { });
    }

    /** A still-picture encoder (mjpeg) at the profile's fixed quantiser. */
    static StreamEncoder picture(Profile profile, FilterGraph filters) throws IOException {
        AVFilterContext sink = filters.sink();
        return open(profile.videoCodec(), false, context -> {
            context.width(av_buffersink_get_w(sink));
            context.height(av_buffersink_get_h(sink));
            context.pix_fmt(av_buffersink_get_format(sink));
            context.sample_aspect_ratio(av_buffersink_get_sample_aspect_ratio(sink));
            context.color_range(av_buffersink_get_color_range(sink));
            context.time_base(av_make_q(1, 25));
            context.flags(context.flags() | AV_CODEC_FLAG_QSCALE);
            context.global_quality(profile.videoQuality() * FF_QP2LAMBDA);
        }, options -> { });
    }

    private interface Setup<T> {
        void apply(T target) throws IOException;
    }

    private static StreamEncoder open(String name, boolean globalHeader, Setup<AVCodecContext> setup,
                                      Setup<AVDictionary> options) throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            throw new IOException("this FFmpeg build has no encoder '" + name + "'");
        }
        StreamEncoder encoder = new StreamEncoder(avcodec_alloc_context3(codec));
        AVDictionary dictionary = new AVDictionary(null);
        try {
            setup.apply(encoder.context);
            if (globalHeader) {
                encoder.context.flags(encoder.context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            options.apply(dictionary);
            Av.check(avcodec_open2(encoder.context, codec, dictionary), "open the " + name + " encoder");
            return encoder;
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        } finally {
            av_dict_free(dictionary);
        }
    }

    AVCodecContext context() {
        return context;
    }

    /** A quality the picture encoder needs on the frame as well as on the context. */
    void prepare(AVFrame frame) {
        if ((context.flags() & AV_CODEC_FLAG_QSCALE) != 0) {
            frame.quality(context.global_quality());
        }
    }

    int send(AVFrame frame) {
        return avcodec_send_frame(context, frame);
    }

    int receive(AVPacket packet) {
        return avcodec_receive_packet(context, packet);
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public void close() {
        if (!context.isNull()) {
            avcodec_free_context(context);
        }
    }
}
