package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** A decoder for one stream of an {@link InputFile}, on as many threads as FFmpeg chooses (as ffmpeg does). */
final class StreamDecoder implements AutoCloseable {

    private final AVCodecContext context;
    private final AVStream stream;

    private StreamDecoder(AVCodecContext context, AVStream stream) {
        this.context = context;
        this.stream = stream;
    }

    static StreamDecoder open(AVStream stream, String what) throws SourceUnusableException {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw new SourceUnusableException("this FFmpeg build has no decoder for its " + what);
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        StreamDecoder decoder = new StreamDecoder(context, stream);
        int rc = avcodec_parameters_to_context(context, stream.codecpar());
        if (rc >= 0) {
            context.pkt_timebase(stream.time_base());
            // 0 = automatic: frame threads for H.264, like ffmpeg's default "-threads auto"
            context.thread_count(0);
            rc = avcodec_open2(context, codec, (AVDictionary) null);
        }
        if (rc < 0) {
            decoder.close();
            throw new SourceUnusableException("cannot decode its " + what + ": " + Ffmpeg.errorText(rc));
        }
        return decoder;
    }

    AVCodecContext context() {
        return context;
    }

    AVStream stream() {
        return stream;
    }

    /** Feeds a packet (null = end of stream); a negative result other than EAGAIN/EOF is damaged data. */
    int send(AVPacket packet) {
        return avcodec_send_packet(context, packet);
    }

    int receive(AVFrame frame) {
        return avcodec_receive_frame(context, frame);
    }

    @Override
    public void close() {
        if (!context.isNull()) {
            avcodec_free_context(context);
        }
    }
}
