package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The second step of an {@link Encoding}, on a thread of its own: the filter graphs ({@link Filters#video}), set up
 * from the first decoded frame of each kind, and the encoders, set up from the graphs and handed to the encode step.
 */
final class FilterStep implements AutoCloseable {

    /** What the filter thread needs from the demuxer, read on the calling thread before it starts. */
    record Source(AVRational timeBase, AVRational rate, int rotation, boolean fieldOrderInterlaced) {
    }

    private final Profile profile;
    private final Source source;
    private final boolean globalHeader;
    private final Stage<EncodingWork> next;
    /** set by the encode step when the sound never gave a frame to open its encoder with */
    private final AtomicBoolean audioAbandoned;
    private final AVFrame filtered = av_frame_alloc();
    private FilterGraph videoFilters;
    private FilterGraph audioFilters;
    private String videoChain;
    private boolean videoOpened;

    FilterStep(Profile profile, Source source, boolean globalHeader, Stage<EncodingWork> next,
               AtomicBoolean audioAbandoned) {
        this.profile = profile;
        this.source = source;
        this.globalHeader = globalHeader;
        this.next = next;
        this.audioAbandoned = audioAbandoned;
    }

    /** Whether a video encoder was set up, i.e. at least one video frame decoded. */
    boolean videoOpened() {
        return videoOpened;
    }

    /** The video filter chain chosen from the first frame, or null. */
    String videoChain() {
        return videoChain;
    }

    boolean handle(EncodingWork work) throws IOException {
        if (work instanceof EncodingWork.Decoded d) {
            try {
                if (d.video()) {
                    video(d.frame());
                } else if (!audioAbandoned.get()) {
                    audio(d.frame());
                }
            } finally {
                av_frame_free(d.frame());
            }
            return true;
        }
        if (videoFilters != null) {
            videoFilters.push(null);
            drain(videoFilters, true);
        }
        if (audioFilters != null && !audioAbandoned.get()) {
            audioFilters.push(null);
            drain(audioFilters, false);
        }
        if (videoOpened) {
            next.put(new EncodingWork.End());
        }
        return false;
    }

    private void video(AVFrame decoded) throws IOException {
        if (videoFilters == null) {
            boolean interlaced = (decoded.flags() & Av.FRAME_FLAG_INTERLACED) != 0 || source.fieldOrderInterlaced();
            AVRational rate = source.rate();
            double fps = rate == null ? Double.NaN : av_q2d(rate);
            videoChain = Filters.video(profile, source.rotation(), interlaced, fps);
            videoFilters = FilterGraph.video(decoded, source.timeBase(), rate, videoChain);
            next.put(new EncodingWork.Open(StreamEncoder.video(profile, videoFilters, rate, globalHeader), true));
            videoOpened = true;
        }
        videoFilters.push(decoded);
        drain(videoFilters, true);
    }

    private void audio(AVFrame decoded) throws IOException {
        if (audioFilters == null) {
            audioFilters = FilterGraph.audio(decoded, av_make_q(1, decoded.sample_rate()),
                    Filters.audio(profile, decoded.sample_rate()));
            StreamEncoder audio = StreamEncoder.audio(profile, audioFilters, globalHeader);
            if (audio.context().frame_size() > 0) {
                audioFilters.frameSize(audio.context().frame_size());
            }
            next.put(new EncodingWork.Open(audio, false));
        }
        audioFilters.push(decoded);
        drain(audioFilters, false);
    }

    private void drain(FilterGraph graph, boolean video) throws IOException {
        while (true) {
            int rc = graph.pull(filtered);
            if (Av.again(rc)) {
                return;
            }
            Av.check(rc, video ? "filter the video" : "filter the audio");
            // let the encoder choose frame types; the decoder's would force them
            filtered.pict_type(AV_PICTURE_TYPE_NONE);
            AVFrame copy = av_frame_clone(filtered);
            av_frame_unref(filtered);
            if (copy == null || copy.isNull()) {
                throw new IOException("cannot pass a frame on: out of memory");
            }
            next.put(new EncodingWork.Filtered(copy, video));
        }
    }

    @Override
    public void close() {
        av_frame_free(filtered);
        Encoding.closeQuietly(videoFilters);
        Encoding.closeQuietly(audioFilters);
    }
}
