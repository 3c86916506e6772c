package footage.pipeline.sample;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_BIN_DATA;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MOV_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_SMPTE_KLV;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_DATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes a {@link CameraFileSpec}: the synthetic audio and video are written first, then remuxed (packets copied,
 * nothing re-encoded) together with the metadata tracks' samples into the target container.
 */
final class CameraFileWriter {

    private static final int SIDE_TIME_BASE = 1000;
    private static final int KLV_TIME_BASE = 90_000;

    private CameraFileWriter() {
    }

    static void write(Path target, CameraFileSpec spec) throws IOException {
        Ffmpeg.init();
        String suffix = CameraFileSpec.MPEG_TS.equals(spec.format()) ? ".ts" : ".mp4";
        Path source = Files.createTempFile(target.toAbsolutePath().getParent(), ".camera-source-", suffix);
        try {
            SyntheticVideoWriter.write(source, spec.source());
            remux(source, target, spec);
        } finally {
            Files.deleteIfExists(source);
        }
        if (spec.movieHeaderSeconds() > 0) {
            MovieHeader.setDuration(target, spec.movieHeaderSeconds());
        }
        if (spec.keepFraction() < 1) {
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
                channel.truncate((long) Math.floor(channel.size() * spec.keepFraction()));
            }
        }
    }

    private static void remux(Path source, Path target, CameraFileSpec spec) throws IOException {
        AVFormatContext input = new AVFormatContext(null);
        try (BytePointer url = Ffmpeg.fileUrl(source)) {
            check(avformat_open_input(input, url, null, (AVDictionary) null), "open " + source);
        }
        AVFormatContext output = null;
        AVIOContext io = null;
        AVPacket packet = av_packet_alloc();
        try {
            check(avformat_find_stream_info(input, (PointerPointer<?>) null), "read " + source);
            output = new AVFormatContext(null);
            try (BytePointer url = Ffmpeg.fileUrl(target); BytePointer format = new BytePointer(spec.format())) {
                check(avformat_alloc_output_context2(output, null, format, url),
                        "allocate " + spec.format() + " muxer");
                copyStreams(input, output, spec);
                List<AVStream> sideStreams = new ArrayList<>();
                for (CameraFileSpec.SideTrack track : spec.sideTracks()) {
                    sideStreams.add(sideStream(output, track.kind()));
                }
                io = new AVIOContext(null);
                check(avio_open(io, url, AVIO_FLAG_WRITE), "open " + target + " for writing");
                output.pb(io);
                writeHeader(input, output, spec);
                copyPackets(input, output, packet, spec, sideStreams);
            }
            check(av_write_trailer(output), "write " + spec.format() + " trailer");
        } finally {
            av_packet_free(packet);
            avformat_close_input(input);
            if (io != null && !io.isNull()) {
                avio_closep(io);
                output.pb(null);
            }
            if (output != null && !output.isNull()) {
                avformat_free_context(output);
            }
        }
    }

    private static void copyStreams(AVFormatContext input, AVFormatContext output, CameraFileSpec spec)
            throws IOException {
        for (int i = 0; i < input.nb_streams(); i++) {
            AVStream from = input.streams(i);
            AVStream to = newStream(output, spec.format());
            check(avcodec_parameters_copy(to.codecpar(), from.codecpar()), "copy codec parameters");
            // the source container's tag (e.g. a TS stream type) means nothing to the target muxer
            to.codecpar().codec_tag(0);
            to.time_base(from.time_base());
            if (from.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                to.avg_frame_rate(from.avg_frame_rate());
                if (spec.timecode()) {
                    // the mov muxer writes a tmcd track for a video stream that carries a timecode
                    AVDictionary metadata = new AVDictionary(null);
                    av_dict_set(metadata, "timecode", "09:30:00:00", 0);
                    to.metadata(metadata);
                }
            }
        }
    }

    private static AVStream sideStream(AVFormatContext output, CameraFileSpec.Kind kind) throws IOException {
        AVStream stream = newStream(output, kind.name());
        AVCodecParameters parameters = stream.codecpar();
        switch (kind) {
            case GPMF -> {
                parameters.codec_type(AVMEDIA_TYPE_DATA);
                parameters.codec_id(AV_CODEC_ID_BIN_DATA);
                parameters.codec_tag(fourcc("gpmd"));
                stream.time_base(av_make_q(1, SIDE_TIME_BASE));
            }
            case TIMED_TEXT -> {
                parameters.codec_type(AVMEDIA_TYPE_SUBTITLE);
                parameters.codec_id(AV_CODEC_ID_MOV_TEXT);
                stream.time_base(av_make_q(1, SIDE_TIME_BASE));
            }
            case KLV -> {
                parameters.codec_type(AVMEDIA_TYPE_DATA);
                parameters.codec_id(AV_CODEC_ID_SMPTE_KLV);
                stream.time_base(av_make_q(1, KLV_TIME_BASE));
            }
        }
        return stream;
    }

    private static AVStream newStream(AVFormatContext output, String what) throws IOException {
        AVStream stream = avformat_new_stream(output, null);
        if (stream == null || stream.isNull()) {
            throw new IOException("cannot add a " + what + " stream to the muxer");
        }
        return stream;
    }

    private static void writeHeader(AVFormatContext input, AVFormatContext output, CameraFileSpec spec)
            throws IOException {
        String creationTime = spec.recording().creationTime();
        if (creationTime != null) {
            AVDictionary metadata = new AVDictionary(null);
            av_dict_set(metadata, "creation_time", creationTime, 0);
            output.metadata(metadata);
        }
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "fflags", "+bitexact", 0);
            if (!CameraFileSpec.MPEG_TS.equals(spec.format())) {
                av_dict_set(options, "movflags", "+faststart", 0);
            }
            check(avformat_write_header(output, options), "write " + spec.format() + " header");
        } finally {
            av_dict_free(options);
        }
    }

    /** Source packets in file order, each preceded by the metadata samples due by its time. */
    private static void copyPackets(AVFormatContext input, AVFormatContext output, AVPacket packet,
                                    CameraFileSpec spec, List<AVStream> sideStreams) throws IOException {
        double origin = input.start_time() == AV_NOPTS_VALUE ? 0 : (double) input.start_time() / AV_TIME_BASE;
        List<SideSamples> side = new ArrayList<>();
        for (int i = 0; i < sideStreams.size(); i++) {
            side.add(new SideSamples(spec.sideTracks().get(i), sideStreams.get(i), origin));
        }
        int rc;
        while ((rc = av_read_frame(input, packet)) >= 0) {
            try {
                AVStream from = input.streams(packet.stream_index());
                double at = seconds(packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts(), from.time_base());
                for (SideSamples samples : side) {
                    samples.writeUntil(output, at);
                }
                boolean videoCut = spec.videoSeconds() > 0 && from.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                        && seconds(packet.pts(), from.time_base()) - origin >= spec.videoSeconds();
                if (!videoCut) {
                    av_packet_rescale_ts(packet, from.time_base(), output.streams(packet.stream_index()).time_base());
                    packet.pos(-1);
                    check(av_interleaved_write_frame(output, packet), "write packet");
                }
            } finally {
                av_packet_unref(packet);
            }
        }
        if (rc != AVERROR_EOF) {
            check(rc, "read the source packets");
        }
        for (SideSamples samples : side) {
            samples.writeUntil(output, Double.MAX_VALUE);
        }
    }

    private static double seconds(long ticks, AVRational timeBase) {
        return (double) ticks * timeBase.num() / timeBase.den();
    }

    static int fourcc(String code) {
        byte[] b = code.getBytes(StandardCharsets.US_ASCII);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    private static void check(int rc, String action) throws IOException {
        if (rc < 0) {
            throw new IOException("cannot " + action + ": " + Ffmpeg.errorText(rc));
        }
    }

    /** The samples of one metadata track, handed out in time order. */
    private static final class SideSamples {

        private final CameraFileSpec.SideTrack track;
        private final AVStream stream;
        private final double origin;
        private int next;

        SideSamples(CameraFileSpec.SideTrack track, AVStream stream, double origin) {
            this.track = track;
            this.stream = stream;
            this.origin = origin;
        }

        void writeUntil(AVFormatContext output, double until) throws IOException {
            double step = track.kind().sampleSeconds;
            int count = (int) Math.ceil(track.seconds() / step);
            // MPEG-TS samples carry no duration: a track reaches its last sample's time, so one more marks the end
            int last = track.kind().mpegTs() ? count : count - 1;
            while (next <= last && origin + Math.min(next * step, track.seconds()) <= until) {
                double start = Math.min(next * step, track.seconds());
                double length = Math.min(step, track.seconds() - start);
                write(output, start, length, payload(next));
                next++;
            }
        }

        private void write(AVFormatContext output, double start, double length, byte[] payload) throws IOException {
            AVPacket packet = av_packet_alloc();
            try {
                check(av_new_packet(packet, payload.length), "allocate a metadata packet");
                packet.data().put(payload);
                AVRational timeBase = stream.time_base();
                long ticks = Math.round((origin + start) * timeBase.den() / timeBase.num());
                packet.pts(ticks);
                packet.dts(ticks);
                packet.duration(Math.round(length * timeBase.den() / timeBase.num()));
                packet.stream_index(stream.index());
                check(av_interleaved_write_frame(output, packet), "write a " + track.kind() + " sample");
            } finally {
                av_packet_free(packet);
            }
        }

        private byte[] payload(int sample) {
            String text = String.format(Locale.ROOT, "N 31.%04d E 121.%04d", sample, sample);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            return switch (track.kind()) {
                // a 3GPP text sample is its length (16 bits, big-endian) and the text
                case TIMED_TEXT -> ByteBuffer.allocate(2 + utf8.length).putShort((short) utf8.length).put(utf8)
                        .array();
                // a KLV triplet: a 16-byte universal label key, a BER short-form length, the value
                case KLV -> ByteBuffer.allocate(16 + 1 + utf8.length)
                        .put(new byte[] {0x06, 0x0e, 0x2b, 0x34, 0x02, 0x0b, 0x01, 0x01,
                                0x0e, 0x01, 0x03, 0x01, 0x01, 0x00, 0x00, 0x00})
                        .put((byte) utf8.length).put(utf8).array();
                // GPMF: a four-character key, type 'c' (characters), sample size 1, repeat count, data to 32 bits
                case GPMF -> ByteBuffer.allocate(8 + (utf8.length + 3) / 4 * 4)
                        .put("GPSU".getBytes(StandardCharsets.US_ASCII)).put((byte) 'c').put((byte) 1)
                        .putShort((short) utf8.length).put(utf8).array();
            };
        }
    }
}
