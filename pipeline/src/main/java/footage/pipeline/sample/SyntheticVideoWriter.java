package footage.pipeline.sample;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_BITEXACT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_INTERLACED_DCT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_INTERLACED_ME;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_new;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
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
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import java.io.IOException;
import java.nio.file.Path;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Encodes a {@link VideoSpec} with the raw FFmpeg API. Every encoder runs on one thread with
 * bit-exact flags, and nothing time- or machine-dependent reaches the muxer, so a spec always
 * gives the same bytes. One instance writes one file; {@link #close()} frees all native objects.
 */
final class SyntheticVideoWriter implements AutoCloseable {

    private static final int AUDIO_SAMPLE_RATE = 8000;
    private static final int AUDIO_BIT_RATE = 16_000;
    private static final String VIDEO_CRF = "35";
    /** AVFrame.flags bits (libavutil/frame.h); JavaCPP does not map these macros. */
    private static final int FRAME_FLAG_INTERLACED = 1 << 3;
    private static final int FRAME_FLAG_TOP_FIELD_FIRST = 1 << 4;

    private final VideoSpec spec;
    private AVFormatContext output;
    private AVIOContext io;
    private AVCodecContext video;
    private AVCodecContext audio;
    private AVStream videoStream;
    private AVStream audioStream;
    private AVFrame picture;
    private AVFrame sound;
    private AVPacket packet;
    private long samplesWritten;

    private SyntheticVideoWriter(VideoSpec spec) {
        this.spec = spec;
    }

    static void write(Path target, VideoSpec spec) throws IOException {
        Ffmpeg.init();
        try (SyntheticVideoWriter writer = new SyntheticVideoWriter(spec)) {
            writer.open(target);
            writer.encode();
        }
    }

    private void open(Path target) throws IOException {
        try (BytePointer url = Ffmpeg.fileUrl(target); BytePointer format = new BytePointer(spec.format())) {
            output = new AVFormatContext(null);
            // the url doubles as the context's file name, which faststart needs to re-read the file
            check(avformat_alloc_output_context2(output, null, format, url),
                    "allocate " + spec.format() + " muxer");
            openVideo();
            if (spec.audio()) {
                openAudio();
            }
            io = new AVIOContext(null);
            check(avio_open(io, url, AVIO_FLAG_WRITE), "open " + target + " for writing");
            output.pb(io);
        }
        if (spec.creationTime() != null) {
            AVDictionary metadata = new AVDictionary(null);
            av_dict_set(metadata, "creation_time", spec.creationTime(), 0);
            output.metadata(metadata);
        }
        AVDictionary options = new AVDictionary(null);
        try {
            // bitexact keeps the library version out of the file
            av_dict_set(options, "fflags", "+bitexact", 0);
            if (spec.faststart()) {
                av_dict_set(options, "movflags", "+faststart", 0);
            }
            check(avformat_write_header(output, options), "write " + spec.format() + " header");
        } finally {
            av_dict_free(options);
        }
        packet = av_packet_alloc();
    }

    private void openVideo() throws IOException {
        AVCodec codec = encoder("libx264");
        video = avcodec_alloc_context3(codec);
        video.width(spec.width());
        video.height(spec.height());
        video.pix_fmt(pixelFormat());
        video.time_base(av_make_q(1, spec.frameRate()));
        video.framerate(av_make_q(spec.frameRate(), 1));
        video.gop_size(spec.frameRate());
        video.max_b_frames(0);
        video.thread_count(1);
        video.flags(video.flags() | AV_CODEC_FLAG_BITEXACT | globalHeaderFlag());
        if (spec.interlaced()) {
            // libx264 codes MBAFF when asked for interlaced DCT; frames say which field comes first
            video.flags(video.flags() | AV_CODEC_FLAG_INTERLACED_DCT | AV_CODEC_FLAG_INTERLACED_ME);
            video.field_order(AV_FIELD_TT);
        }
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "preset", "ultrafast", 0);
            av_dict_set(options, "crf", VIDEO_CRF, 0);
            check(avcodec_open2(video, codec, options), "open libx264 encoder");
        } finally {
            av_dict_free(options);
        }
        videoStream = newStream(video);
        videoStream.avg_frame_rate(av_make_q(spec.frameRate(), 1));
        if (spec.rotation() != 0) {
            addDisplayMatrix(videoStream.codecpar(), spec.rotation());
        }

        picture = av_frame_alloc();
        picture.format(pixelFormat());
        picture.width(spec.width());
        picture.height(spec.height());
        check(av_frame_get_buffer(picture, 0), "allocate video frame");
    }

    private void openAudio() throws IOException {
        AVCodec codec = encoder("aac");
        audio = avcodec_alloc_context3(codec);
        audio.sample_fmt(AV_SAMPLE_FMT_FLTP);
        audio.sample_rate(AUDIO_SAMPLE_RATE);
        av_channel_layout_default(audio.ch_layout(), 1);
        audio.bit_rate(AUDIO_BIT_RATE);
        audio.time_base(av_make_q(1, AUDIO_SAMPLE_RATE));
        audio.thread_count(1);
        // bitexact makes the AAC encoder use plain C float code instead of CPU-specific SIMD
        audio.flags(audio.flags() | AV_CODEC_FLAG_BITEXACT | globalHeaderFlag());
        check(avcodec_open2(audio, codec, (AVDictionary) null), "open aac encoder");
        audioStream = newStream(audio);

        sound = av_frame_alloc();
        sound.format(AV_SAMPLE_FMT_FLTP);
        sound.sample_rate(AUDIO_SAMPLE_RATE);
        check(av_channel_layout_copy(sound.ch_layout(), audio.ch_layout()), "set audio frame layout");
        sound.nb_samples(audio.frame_size());
        check(av_frame_get_buffer(sound, 0), "allocate audio frame");
    }

    private int pixelFormat() {
        return spec.fullChroma() ? AV_PIX_FMT_YUV444P : AV_PIX_FMT_YUV420P;
    }

    /** The display matrix the mp4 muxer writes into the track header: players turn the picture by it. */
    private static void addDisplayMatrix(AVCodecParameters parameters, int clockwiseDegrees) throws IOException {
        try (PointerPointer<AVPacketSideData> list = new PointerPointer<>(1);
             IntPointer count = new IntPointer(1)) {
            list.put(0, parameters.coded_side_data());
            count.put(parameters.nb_coded_side_data());
            AVPacketSideData added = av_packet_side_data_new(list, count, AV_PKT_DATA_DISPLAYMATRIX, 9 * 4, 0);
            if (added == null || added.isNull()) {
                throw new IOException("cannot add a display matrix to the video stream");
            }
            // FFmpeg's own convention: ffprobe then shows "rotation=-90" for 90 degrees clockwise, as for phone footage
            av_display_rotation_set(new IntPointer(added.data()), clockwiseDegrees);
            parameters.coded_side_data(new AVPacketSideData(list.get(0)));
            parameters.nb_coded_side_data(count.get());
        }
    }

    private int globalHeaderFlag() {
        return (output.oformat().flags() & AVFMT_GLOBALHEADER) != 0 ? AV_CODEC_FLAG_GLOBAL_HEADER : 0;
    }

    private AVStream newStream(AVCodecContext codec) throws IOException {
        AVStream stream = avformat_new_stream(output, null);
        if (stream == null || stream.isNull()) {
            throw new IOException("cannot add a stream to the " + spec.format() + " muxer");
        }
        stream.time_base(codec.time_base());
        check(avcodec_parameters_from_context(stream.codecpar(), codec), "copy codec parameters");
        return stream;
    }

    private void encode() throws IOException {
        int frames = spec.frameCount();
        long totalSamples = Math.round(frames * (double) AUDIO_SAMPLE_RATE / spec.frameRate());
        for (int frame = 0; frame < frames; frame++) {
            // audio first up to the end of this picture: the muxer then interleaves without buffering much
            long audioUntil = Math.round((frame + 1) * (double) AUDIO_SAMPLE_RATE / spec.frameRate());
            while (audio != null && samplesWritten < Math.min(audioUntil, totalSamples)) {
                sendAudio(totalSamples);
            }
            sendPicture(frame);
        }
        drain(video, videoStream, null);
        if (audio != null) {
            drain(audio, audioStream, null);
        }
        check(av_write_trailer(output), "write " + spec.format() + " trailer");
    }

    private void sendPicture(int frameNumber) throws IOException {
        check(av_frame_make_writable(picture), "make video frame writable");
        if (spec.interlaced()) {
            picture.flags(picture.flags() | FRAME_FLAG_INTERLACED | FRAME_FLAG_TOP_FIELD_FIRST);
        }
        if (spec.fullChroma()) {
            fillFullChroma(frameNumber);
        } else {
            fill(frameNumber);
        }
        picture.pts(frameNumber >= spec.jumpFrame() ? frameNumber + spec.jumpFrames() : frameNumber);
        drain(video, videoStream, picture);
    }

    private void fill(int frameNumber) {
        int width = spec.width();
        int height = spec.height();
        int lumaStride = picture.linesize(0);
        int chromaStride = picture.linesize(1);
        byte[] luma = new byte[lumaStride * height];
        byte[] cb = new byte[chromaStride * height / 2];
        byte[] cr = new byte[chromaStride * height / 2];
        TestPattern.picture(frameNumber, width, height, luma, lumaStride, cb, cr, chromaStride);
        picture.data(0).put(luma);
        picture.data(1).put(cb);
        picture.data(2).put(cr);
    }

    /** 4:4:4 (any size): the 4:2:0 pattern of the next even size, cropped, its chroma doubled up. */
    private void fillFullChroma(int frameNumber) {
        int width = spec.width();
        int height = spec.height();
        int evenWidth = width + (width & 1);
        int evenHeight = height + (height & 1);
        byte[] luma = new byte[evenWidth * evenHeight];
        byte[] cb = new byte[evenWidth / 2 * evenHeight / 2];
        byte[] cr = new byte[evenWidth / 2 * evenHeight / 2];
        TestPattern.picture(frameNumber, evenWidth, evenHeight, luma, evenWidth, cb, cr, evenWidth / 2);
        int stride = picture.linesize(0);
        byte[] y = new byte[stride * height];
        byte[] u = new byte[picture.linesize(1) * height];
        byte[] v = new byte[picture.linesize(2) * height];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                y[row * stride + col] = luma[row * evenWidth + col];
                int half = row / 2 * (evenWidth / 2) + col / 2;
                u[row * picture.linesize(1) + col] = cb[half];
                v[row * picture.linesize(2) + col] = cr[half];
            }
        }
        picture.data(0).put(y);
        picture.data(1).put(u);
        picture.data(2).put(v);
    }

    private void sendAudio(long totalSamples) throws IOException {
        check(av_frame_make_writable(sound), "make audio frame writable");
        // the last frame may be short; AAC accepts a small final frame
        int count = (int) Math.min(audio.frame_size(), totalSamples - samplesWritten);
        float[] samples = new float[count];
        for (int i = 0; i < count; i++) {
            samples[i] = TestPattern.sample(samplesWritten + i, AUDIO_SAMPLE_RATE);
        }
        new FloatPointer(sound.data(0)).put(samples);
        sound.nb_samples(count);
        long jumpSample = spec.jumpFrame() == Integer.MAX_VALUE ? Long.MAX_VALUE
                : spec.jumpFrame() * (long) AUDIO_SAMPLE_RATE / spec.frameRate();
        sound.pts(samplesWritten >= jumpSample
                ? samplesWritten + spec.jumpFrames() * (long) AUDIO_SAMPLE_RATE / spec.frameRate() : samplesWritten);
        samplesWritten += count;
        drain(audio, audioStream, sound);
    }

    /** Sends one frame (null = flush) and writes every packet the encoder has ready. */
    private void drain(AVCodecContext codec, AVStream stream, AVFrame frame) throws IOException {
        check(avcodec_send_frame(codec, frame), "send frame to encoder");
        while (true) {
            int rc = avcodec_receive_packet(codec, packet);
            if (rc == AVERROR_EAGAIN() || rc == AVERROR_EOF) {
                return;
            }
            check(rc, "encode");
            av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            // takes over the packet's payload and leaves the packet blank
            check(av_interleaved_write_frame(output, packet), "write packet");
        }
    }

    private static AVCodec encoder(String name) throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            throw new IOException("FFmpeg encoder '" + name + "' is not available in this build");
        }
        return codec;
    }

    private static void check(int rc, String action) throws IOException {
        if (rc < 0) {
            throw new IOException("cannot " + action + ": " + Ffmpeg.errorText(rc));
        }
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
        }
        if (picture != null) {
            av_frame_free(picture);
        }
        if (sound != null) {
            av_frame_free(sound);
        }
        if (video != null) {
            avcodec_free_context(video);
        }
        if (audio != null) {
            avcodec_free_context(audio);
        }
        if (io != null && !io.isNull()) {
            avio_closep(io);
            output.pb(null);
        }
        if (output != null && !output.isNull()) {
            avformat_free_context(output);
        }
    }
}
