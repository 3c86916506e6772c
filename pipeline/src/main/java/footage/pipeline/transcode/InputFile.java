package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** An opened source file: its demuxer context, read packet by packet. */
final class InputFile implements AutoCloseable {

    private final AVFormatContext context;

    private InputFile(AVFormatContext context) {
        this.context = context;
    }

    static InputFile open(Path file) throws SourceUnusableException {
        if (!Files.isRegularFile(file)) {
            throw new SourceUnusableException("no such file: " + file);
        }
        AVFormatContext context = new AVFormatContext(null);
        int rc;
        try (BytePointer url = Ffmpeg.fileUrl(file)) {
            rc = avformat_open_input(context, url, null, (AVDictionary) null);
        }
        if (rc < 0) {
            // avformat_open_input frees the context itself on failure
            throw new SourceUnusableException("FFmpeg cannot open it: " + Ffmpeg.errorText(rc));
        }
        InputFile input = new InputFile(context);
        rc = avformat_find_stream_info(context, (PointerPointer<?>) null);
        if (rc < 0 && context.nb_streams() == 0) {
            input.close();
            throw new SourceUnusableException("FFmpeg finds no streams in it: " + Ffmpeg.errorText(rc));
        }
        return input;
    }

    AVFormatContext context() {
        return context;
    }

    /** The stream FFmpeg would pick for this media type (related to {@code related}), or -1. */
    int bestStream(int mediaType, int related) {
        int index = av_find_best_stream(context, mediaType, -1, related, (AVCodec) null, 0);
        return index < 0 ? -1 : index;
    }

    AVStream stream(int index) {
        return context.streams(index);
    }

    String codecName(int index) {
        return avcodec_get_name(stream(index).codecpar().codec_id()).getString(StandardCharsets.UTF_8);
    }

    int read(AVPacket packet) {
        return av_read_frame(context, packet);
    }

    /** Where the file's timeline starts, in the stream's time base: outputs start at 0 as ffmpeg's do. */
    long startIn(AVStream stream) {
        long start = context.start_time();
        return start == AV_NOPTS_VALUE ? 0 : av_rescale_q(start, av_make_q(1, AV_TIME_BASE), stream.time_base());
    }

    /** Stated duration in seconds, NaN when the container does not say. */
    double durationSeconds() {
        long duration = context.duration();
        return duration == AV_NOPTS_VALUE || duration <= 0 ? Double.NaN : (double) duration / AV_TIME_BASE;
    }

    /** Clockwise degrees (0, 90, 180, 270) a player turns the picture, from the stream's display matrix. */
    int rotation(int index) {
        AVCodecParameters parameters = stream(index).codecpar();
        AVPacketSideData matrix = av_packet_side_data_get(parameters.coded_side_data(), parameters.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        if (matrix == null || matrix.isNull() || matrix.size() < 9 * 4) {
            return 0;
        }
        double counterClockwise = av_display_rotation_get(new IntPointer(matrix.data()));
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        long clockwise = Math.round(-counterClockwise);
        int quarter = (int) Math.floorMod(Math.round(clockwise / 90.0), 4L);
        return quarter * 90;
    }

    @Override
    public void close() {
        if (!context.isNull()) {
            avformat_close_input(context);
        }
    }
}
