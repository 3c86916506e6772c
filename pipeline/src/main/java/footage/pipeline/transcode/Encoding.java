package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_BB;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_BT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TB;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TT;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * A proxy re-encoded: demux → decode → filter ({@link Filters#video}) → encode → mux, video and audio, frames in YUV
 * throughout. Three steps on three threads, as the ffmpeg executable splits its work, each a few frames behind the
 * one before: the calling thread reads and decodes ({@link DecodeStep}), a {@link Stage} filters ({@link FilterStep}),
 * another encodes and muxes ({@link EncodeStep}); the decoder and the encoder run their own worker threads besides.
 * Damaged sources are encoded as far as they decode. One instance, one output.
 */
final class Encoding implements AutoCloseable {

    /** Frames waiting between two steps, as many as the ffmpeg executable queues: rides out slow frames. */
    private static final int IN_FLIGHT = 8;

    private final InputFile in;
    private final Profile profile;
    /** the one thing the steps share while they run: set by the encode step, read by the other two */
    private final AtomicBoolean audioAbandoned = new AtomicBoolean();
    private final DecodeStep decode;
    private FilterStep filter;
    private EncodeStep encode;
    private Stage<EncodingWork> filterStage;
    private Stage<EncodingWork> encoderStage;

    Encoding(InputFile in, Profile profile, TranscodeListener listener) {
        this.in = in;
        this.profile = profile;
        this.decode = new DecodeStep(in, listener, audioAbandoned);
    }

    TranscodeResult run(Path target) throws IOException {
        AVStream video = decode.open(profile);
        // what the other threads need from the demuxer, read here: it is not theirs to touch while it reads
        AVRational rate = av_guess_frame_rate(in.context(), video, null);
        boolean rateKnown = rate.num() > 0 && rate.den() > 0;
        decode.frameRate(rate);
        int field = video.codecpar().field_order();
        FilterStep.Source source = new FilterStep.Source(video.time_base(), rateKnown ? rate : null,
                in.rotation(decode.videoIndex()),
                field == AV_FIELD_TT || field == AV_FIELD_BB || field == AV_FIELD_TB || field == AV_FIELD_BT);
        OutputFile out = OutputFile.create(target, profile.container());
        encode = new EncodeStep(out, profile, in.context().metadata(), decode.decodesAudio(), audioAbandoned);

        String name = Thread.currentThread().getName();
        encoderStage = new Stage<>("transcode-encode-" + name, IN_FLIGHT, encode::handle, EncodingWork::free);
        filter = new FilterStep(profile, source, out.needsGlobalHeader(), encoderStage, audioAbandoned);
        filterStage = new Stage<>("transcode-filter-" + name, IN_FLIGHT, filter::handle, EncodingWork::free);
        encoderStage.start();
        filterStage.start();
        try {
            double duration = in.durationSeconds();
            decode.run(filterStage, duration);
            filterStage.put(new EncodingWork.End());
            filterStage.finish();
            if (!filter.videoOpened()) {
                throw new SourceUnusableException("not one video frame could be decoded" + decode.noVideoReason());
            }
            encoderStage.finish();
            double outputSeconds = out.endSeconds();
            Double sourceSeconds = Double.isNaN(duration) ? null : duration;
            return new TranscodeResult(TranscodeMethod.ENCODE, sourceSeconds, outputSeconds, encode.encodedFrames(),
                    decode.decodedFrames(), encode.hasAudioTrack(), decode.damage(sourceSeconds, outputSeconds),
                    filter.videoChain(), decode.decodeCheck());
        } finally {
            filterStage.abort();
            encoderStage.abort();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // native frees do not fail
            }
        }
    }

    @Override
    public void close() {
        if (filterStage != null) {
            filterStage.abort();
        }
        if (encoderStage != null) {
            encoderStage.abort();
        }
        closeQuietly(filter);
        closeQuietly(encode);
        decode.close();
    }
}
