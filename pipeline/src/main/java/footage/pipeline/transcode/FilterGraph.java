package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame_rate;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_time_base;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_set_frame_size;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * A libavfilter chain between a decoder and an encoder, e.g. {@code yadif,scale,format=yuv420p}: the same filters,
 * threads and pixel paths as the ffmpeg executable uses for the same {@code -vf}. Video stays in YUV from the
 * decoder to the encoder (no RGB step). Configured from the first decoded frame, which knows its real size and format.
 */
final class FilterGraph implements AutoCloseable {

    private final AVFilterGraph graph;
    private AVFilterContext source;
    private AVFilterContext sink;

    private FilterGraph() {
        this.graph = avfilter_graph_alloc();
    }

    /**
     * @param timeBase  time base of the frames' pts
     * @param frameRate the source's frame rate, null when unknown
     */
    static FilterGraph video(AVFrame first, AVRational timeBase, AVRational frameRate, String chain) throws IOException {
        String args = String.format(Locale.ROOT, "video_size=%dx%d:pix_fmt=%d:time_base=%d/%d:pixel_aspect=%d/%d"
                        + ":colorspace=%d:range=%d",
                first.width(), first.height(), first.format(), timeBase.num(), timeBase.den(),
                Math.max(0, first.sample_aspect_ratio().num()), Math.max(1, first.sample_aspect_ratio().den()),
                first.colorspace(), first.color_range());
        if (frameRate != null && frameRate.num() > 0 && frameRate.den() > 0) {
            args += ":frame_rate=" + frameRate.num() + "/" + frameRate.den();
        }
        FilterGraph g = new FilterGraph();
        try {
            g.build("buffer", args, "buffersink", chain);
            return g;
        } catch (IOException | RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** Frames come out {@code frameSize} samples long (the encoder's frame size), 0 for as they come. */
    static FilterGraph audio(AVFrame first, AVRational timeBase, String chain) throws IOException {
        String args = String.format(Locale.ROOT, "time_base=%d/%d:sample_rate=%d:sample_fmt=%s:channel_layout=%s",
                timeBase.num(), timeBase.den(), first.sample_rate(),
                av_get_sample_fmt_name(first.format()).getString(StandardCharsets.UTF_8), layout(first));
        FilterGraph g = new FilterGraph();
        try {
            g.build("abuffer", args, "abuffersink", chain);
            return g;
        } catch (IOException | RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /**
     * The frame's channel layout for the abuffer source. A source that only counts its channels (PCM in AVI, some
     * WAVs) gets the usual layout for that count: encoders such as aac refuse an unspecified layout.
     */
    private static String layout(AVFrame frame) {
        AVChannelLayout layout = frame.ch_layout();
        AVChannelLayout usual = null;
        if (layout.order() == AV_CHANNEL_ORDER_UNSPEC && layout.nb_channels() > 0) {
            usual = new AVChannelLayout();
            av_channel_layout_default(usual, layout.nb_channels());
            layout = usual;
        }
        byte[] text = new byte[128];
        int n = av_channel_layout_describe(layout, text, text.length);
        if (usual != null) {
            av_channel_layout_uninit(usual);
            usual.close();
        }
        if (n <= 0) {
            return frame.ch_layout().nb_channels() + "c";
        }
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        return new String(text, 0, length, StandardCharsets.US_ASCII);
    }

    private void build(String sourceName, String sourceArgs, String sinkName, String chain) throws IOException {
        if (graph == null || graph.isNull()) {
            throw new IOException("cannot allocate a filter graph");
        }
        source = new AVFilterContext();
        Av.check(avfilter_graph_create_filter(source, avfilter_get_by_name(sourceName), "in", sourceArgs, null, graph),
                "create the " + sourceName + " filter (" + sourceArgs + ")");
        sink = new AVFilterContext();
        Av.check(avfilter_graph_create_filter(sink, avfilter_get_by_name(sinkName), "out", null, null, graph),
                "create the " + sinkName + " filter");
        AVFilterInOut outputs = avfilter_inout_alloc();
        AVFilterInOut inputs = avfilter_inout_alloc();
        try (BytePointer in = new BytePointer("in"); BytePointer out = new BytePointer("out")) {
            // the chain's unlabelled input is fed by the source ("in"), its output feeds the sink ("out")
            outputs.name(av_strdup(in)).filter_ctx(source).pad_idx(0).next(null);
            inputs.name(av_strdup(out)).filter_ctx(sink).pad_idx(0).next(null);
            Av.check(avfilter_graph_parse_ptr(graph, chain, inputs, outputs, null), "set up the filters '" + chain + "'");
            Av.check(avfilter_graph_config(graph, null), "configure the filters '" + chain + "'");
        } finally {
            avfilter_inout_free(inputs);
            avfilter_inout_free(outputs);
        }
    }

    /** Takes the frame's data (the frame is left blank); null ends the stream. */
    void push(AVFrame frame) throws IOException {
        Av.check(av_buffersrc_add_frame_flags(source, frame, 0), "filter a frame");
    }

    /** The next filtered frame; EAGAIN when it needs more input, EOF after the end. */
    int pull(AVFrame frame) {
        return av_buffersink_get_frame(sink, frame);
    }

    void frameSize(int samples) {
        av_buffersink_set_frame_size(sink, samples);
    }

    AVFilterContext sink() {
        return sink;
    }

    AVRational timeBase() {
        return av_buffersink_get_time_base(sink);
    }

    AVRational frameRate() {
        return av_buffersink_get_frame_rate(sink);
    }

    @Override
    public void close() {
        if (graph != null && !graph.isNull()) {
            avfilter_graph_free(graph);
        }
    }
}
