package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/** The derivative being written: a muxer on a file, its streams, and the packets that go in. */
final class OutputFile implements AutoCloseable {

    private final String muxer;
    private final AVFormatContext context;
    private final List<Track> tracks = new ArrayList<>();
    private AVIOContext io;
    private boolean headerWritten;

    /** One output stream and the last decode timestamp written to it (timestamps must grow). */
    static final class Track {
        final AVStream stream;
        final boolean video;
        long lastDts = AV_NOPTS_VALUE;
        double endSeconds;

        Track(AVStream stream, boolean video) {
            this.stream = stream;
            this.video = video;
        }

        int index() {
            return stream.index();
        }
    }

    private OutputFile(String muxer, AVFormatContext context) {
        this.muxer = muxer;
        this.context = context;
    }

    static OutputFile create(Path target, String muxer) throws IOException {
        AVFormatContext context = new AVFormatContext(null);
        try (BytePointer url = Ffmpeg.fileUrl(target); BytePointer format = new BytePointer(muxer)) {
            // the url doubles as the context's file name, which faststart needs to re-read the file
            Av.check(avformat_alloc_output_context2(context, null, format, url), "allocate the " + muxer + " muxer");
            OutputFile output = new OutputFile(muxer, context);
            output.io = new AVIOContext(null);
            int rc = avio_open(output.io, url, AVIO_FLAG_WRITE);
            if (rc < 0) {
                output.io = null;
                output.close();
                Av.check(rc, "open " + target + " for writing");
            }
            context.pb(output.io);
            return output;
        }
    }

    boolean needsGlobalHeader() {
        return (context.oformat().flags() & AVFMT_GLOBALHEADER) != 0;
    }

    Track addEncoded(AVCodecContext encoder, boolean video) throws IOException {
        AVStream stream = newStream();
        Av.check(avcodec_parameters_from_context(stream.codecpar(), encoder), "copy the encoder's parameters");
        stream.time_base(encoder.time_base());
        if (video) {
            stream.avg_frame_rate(encoder.framerate());
        }
        Track track = new Track(stream, video);
        tracks.add(track);
        return track;
    }

    Track addCopy(AVStream source, boolean video) throws IOException {
        AVStream stream = newStream();
        AVCodecParameters parameters = stream.codecpar();
        Av.check(avcodec_parameters_copy(parameters, source.codecpar()), "copy the stream's parameters");
        // the source container's codec tag may mean nothing (or something else) in the target container
        parameters.codec_tag(0);
        stream.time_base(source.time_base());
        stream.avg_frame_rate(source.avg_frame_rate());
        stream.r_frame_rate(source.r_frame_rate());
        Track track = new Track(stream, video);
        tracks.add(track);
        return track;
    }

    private AVStream newStream() throws IOException {
        AVStream stream = avformat_new_stream(context, null);
        if (stream == null || stream.isNull()) {
            throw new IOException("cannot add a stream to the " + muxer + " muxer");
        }
        return stream;
    }

    /**
     * Writes the header, with the source's container metadata (creation_time, ...) as ffmpeg copies it.
     *
     * @param metadata the source's container metadata (copied), null for none
     */
    void writeHeader(AVDictionary metadata, boolean faststart) throws IOException {
        if (metadata != null && !metadata.isNull()) {
            AVDictionary copy = new AVDictionary(null);
            av_dict_copy(copy, metadata, 0);
            context.metadata(copy);
        }
        AVDictionary options = new AVDictionary(null);
        try {
            if (faststart && (muxer.equals("mp4") || muxer.equals("mov"))) {
                av_dict_set(options, "movflags", "+faststart", 0);
            }
            if (muxer.equals("image2")) {
                // one picture in the one named file, not a numbered sequence
                av_dict_set(options, "update", "1", 0);
            }
            Av.check(avformat_write_header(context, options), "write the " + muxer + " header");
            headerWritten = true;
        } finally {
            av_dict_free(options);
        }
    }

    boolean headerWritten() {
        return headerWritten;
    }

    /**
     * Writes a packet whose timestamps are in {@code from}. A decode timestamp that does not grow (a damaged or
     * spliced source) is moved just after the last one, as ffmpeg does, instead of failing the whole file.
     */
    void write(AVPacket packet, Track track, AVRational from) throws IOException {
        AVRational to = track.stream.time_base();
        av_packet_rescale_ts(packet, from, to);
        long dts = packet.dts();
        if (dts != AV_NOPTS_VALUE && track.lastDts != AV_NOPTS_VALUE && dts <= track.lastDts) {
            long fixed = track.lastDts + 1;
            if (packet.pts() != AV_NOPTS_VALUE && packet.pts() < fixed) {
                packet.pts(fixed);
            }
            packet.dts(fixed);
        }
        if (packet.dts() != AV_NOPTS_VALUE) {
            track.lastDts = packet.dts();
        }
        long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        if (pts != AV_NOPTS_VALUE) {
            track.endSeconds = Math.max(track.endSeconds, (pts + Math.max(0, packet.duration())) * av_q2d(to));
        }
        packet.stream_index(track.index());
        packet.pos(-1);
        // takes over the packet's payload and leaves the packet blank
        Av.check(av_interleaved_write_frame(context, packet), "write a packet");
    }

    void finish() throws IOException {
        Av.check(av_write_trailer(context), "write the " + muxer + " trailer");
    }

    /** End of the media written, in seconds: the longest track, as a player and ffprobe count the file's duration. */
    double endSeconds() {
        return tracks.stream().mapToDouble(t -> t.endSeconds).max().orElse(0);
    }

    @Override
    public void close() {
        if (io != null && !io.isNull()) {
            avio_closep(io);
            context.pb(null);
        }
        if (!context.isNull()) {
            avformat_free_context(context);
        }
    }
}
