package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_BB;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_BT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TB;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * A proxy re-encoded: demux → decode → filter ({@link Filters#video}) → encode → mux, video and audio, frames in YUV
 * throughout. Three steps on three threads, as the ffmpeg executable splits its work, each a few frames behind the
 * one before: the calling thread reads and decodes, a {@link Stage} filters, another encodes and muxes (the decoder
 * and the encoder run their own worker threads besides). Damaged sources are encoded as far as they decode.
 * One instance, one output.
 */
final class Encoding implements AutoCloseable {

    /** Frames waiting between two steps, as many as the ffmpeg executable queues: rides out slow frames. */
    private static final int IN_FLIGHT = 8;
    /** Packets held back until every stream's encoder is open and the header can be written. */
    private static final int MAX_HELD = 512;

    private final InputFile in;
    private final Profile profile;
    private final TranscodeListener listener;
    private final Cancellation cancellation;

    // reading and decoding: the calling thread
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private int videoIndex = -1;
    private int audioIndex = -1;
    private StreamDecoder videoDecoder;
    private StreamDecoder audioDecoder;
    private long videoStart;
    private long audioStart;
    private long lastVideoPts = AV_NOPTS_VALUE;
    private long nextAudioPts = AV_NOPTS_VALUE;
    private long decodedFrames;
    private long decodeErrors;
    private String firstDecodeError;
    /** every stream's errors with their positions: the decode check this encode does on the way */
    private final DecodeErrors checked = new DecodeErrors();
    private boolean sourceHasAudio;
    private String readError;
    private double position;
    private double audioPosition;
    private double frameInterval;

    /** the source's container metadata, copied before the encoder thread (which writes the header) starts */
    private final AVDictionary metadata = new AVDictionary(null);
    private final Filtering filtering = new Filtering();
    private final Encoder encoder = new Encoder();
    private Stage<Work> filterStage;
    private Stage<Work> encoderStage;
    /** set by the encoder thread when the sound never gave a frame to open its encoder with */
    private volatile boolean audioAbandoned;

    /** What one step hands to the next, in order. */
    private sealed interface Work permits Decoded, Open, Filtered, End {
    }

    private record Decoded(AVFrame frame, boolean video) implements Work {
    }

    private record Open(StreamEncoder encoder, boolean video) implements Work {
    }

    private record Filtered(AVFrame frame, boolean video) implements Work {
    }

    private record End() implements Work {
    }

    Encoding(InputFile in, Profile profile, TranscodeListener listener) {
        this.in = in;
        this.profile = profile;
        this.listener = listener;
        this.cancellation = new Cancellation(listener);
    }

    TranscodeResult run(Path target) throws IOException {
        videoIndex = in.bestStream(AVMEDIA_TYPE_VIDEO, -1);
        if (videoIndex < 0) {
            throw new SourceUnusableException("it has no video stream");
        }
        AVStream video = in.stream(videoIndex);
        videoDecoder = StreamDecoder.open(video, "video (" + in.codecName(videoIndex) + ")");
        videoStart = in.startIn(video);
        sourceHasAudio = in.bestStream(AVMEDIA_TYPE_AUDIO, videoIndex) >= 0;
        if (profile.hasAudio()) {
            audioIndex = in.bestStream(AVMEDIA_TYPE_AUDIO, videoIndex);
            if (audioIndex >= 0) {
                try {
                    audioDecoder = StreamDecoder.open(in.stream(audioIndex), "audio (" + in.codecName(audioIndex) + ")");
                    audioStart = in.startIn(in.stream(audioIndex));
                } catch (SourceUnusableException e) {
                    // the picture is still worth a proxy; the missing sound shows in the result
                    audioIndex = -1;
                }
            }
        }
        // what the other threads need from the demuxer, read here: it is not theirs to touch while it reads
        AVRational rate = av_guess_frame_rate(in.context(), video, null);
        boolean rateKnown = rate.num() > 0 && rate.den() > 0;
        frameInterval = rateKnown ? 1 / av_q2d(rate) : 0;
        int field = video.codecpar().field_order();
        filtering.timeBase = video.time_base();
        filtering.rate = rateKnown ? rate : null;
        filtering.rotation = in.rotation(videoIndex);
        filtering.fieldOrderInterlaced = field == AV_FIELD_TT || field == AV_FIELD_BB || field == AV_FIELD_TB
                || field == AV_FIELD_BT;
        av_dict_copy(metadata, in.context().metadata(), 0);
        encoder.out = OutputFile.create(target, profile.container());
        encoder.audioExpected = audioDecoder != null;
        filtering.globalHeader = encoder.out.needsGlobalHeader();

        String name = Thread.currentThread().getName();
        encoderStage = new Stage<>("transcode-encode-" + name, IN_FLIGHT, encoder::handle, Encoding::free);
        filterStage = new Stage<>("transcode-filter-" + name, IN_FLIGHT, filtering::handle, Encoding::free);
        encoderStage.start();
        filterStage.start();
        try {
            double duration = in.durationSeconds();
            readAll(duration);
            decodeVideo(null);
            if (audioDecoder != null && !audioAbandoned) {
                decodeAudio(null);
            }
            filterStage.put(new End());
            filterStage.finish();
            if (!filtering.videoOpened) {
                throw new SourceUnusableException("not one video frame could be decoded"
                        + (firstDecodeError != null ? ": " + firstDecodeError : readError != null ? ": " + readError : ""));
            }
            encoderStage.finish();
            double outputSeconds = encoder.out.endSeconds();
            Double sourceSeconds = Double.isNaN(duration) ? null : duration;
            // a check only when the sound was decoded to its end too (or there is none)
            boolean whole = !sourceHasAudio || (audioDecoder != null && !audioAbandoned);
            return new TranscodeResult(TranscodeMethod.ENCODE, sourceSeconds, outputSeconds, encoder.encodedFrames,
                    decodedFrames, encoder.audioTrack != null, damage(sourceSeconds, outputSeconds), filtering.videoChain,
                    whole ? checked.report() : null);
        } finally {
            filterStage.abort();
            encoderStage.abort();
        }
    }

    private void readAll(double duration) throws IOException {
        while (true) {
            cancellation.check();
            int rc = in.read(packet);
            if (rc == AVERROR_EOF) {
                return;
            }
            if (rc < 0) {
                readError = String.format(Locale.ROOT, "reading stopped at %.2f s: %s", position, Ffmpeg.errorText(rc));
                checked.readStopped(rc, position);
                return;
            }
            try {
                if (packet.stream_index() == videoIndex) {
                    if (packet.pts() != AV_NOPTS_VALUE) {
                        position = Math.max(position,
                                (packet.pts() - videoStart) * av_q2d(in.stream(videoIndex).time_base()));
                    }
                    decodeVideo(packet);
                    listener.progress(position, duration);
                } else if (packet.stream_index() == audioIndex && !audioAbandoned) {
                    double at = DecodeErrors.seconds(packet, audioStart, in.stream(audioIndex).time_base());
                    if (!Double.isNaN(at)) {
                        audioPosition = at;
                    }
                    decodeAudio(packet);
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private String damage(Double sourceSeconds, double outputSeconds) {
        List<String> problems = new ArrayList<>();
        if (readError != null) {
            problems.add(readError);
        }
        if (decodeErrors > 0) {
            problems.add(decodeErrors + " packet(s) could not be decoded (first: " + firstDecodeError + ")");
        }
        if (sourceSeconds != null && outputSeconds < sourceSeconds - Math.max(0.25, 3 * frameInterval)) {
            problems.add(String.format(Locale.ROOT, "the media ends at %.2f s of the %.2f s the container states",
                    outputSeconds, sourceSeconds));
        }
        return problems.isEmpty() ? null : "transcoded as far as it decodes: " + String.join("; ", problems);
    }

    private void decodeVideo(AVPacket input) throws IOException {
        int rc = videoDecoder.send(input);
        if (rc < 0 && !Av.again(rc)) {
            decodeError(rc);
        }
        AVStream stream = in.stream(videoIndex);
        while (true) {
            rc = videoDecoder.receive(frame);
            if (Av.again(rc)) {
                return;
            }
            if (rc < 0) {
                decodeError(rc);
                return;
            }
            decodedFrames++;
            double at = DecodeErrors.seconds(frame.best_effort_timestamp(), videoStart, stream.time_base());
            checked.decoded(frame, true, Double.isNaN(at) ? position : at);
            frame.pts(videoPts(stream));
            handOn(true);
        }
    }

    /** Timestamps from 0, always growing: a recorder's backward jump is played on, not dropped. */
    private long videoPts(AVStream stream) {
        long step = frame.duration() > 0 ? frame.duration()
                : Math.max(1, Math.round(frameInterval / av_q2d(stream.time_base())));
        long pts = frame.best_effort_timestamp();
        pts = pts == AV_NOPTS_VALUE ? (lastVideoPts == AV_NOPTS_VALUE ? 0 : lastVideoPts + step) : pts - videoStart;
        if (lastVideoPts != AV_NOPTS_VALUE && pts <= lastVideoPts) {
            pts = lastVideoPts + step;
        }
        lastVideoPts = pts;
        return pts;
    }

    private void decodeAudio(AVPacket input) throws IOException {
        int rc = audioDecoder.send(input);
        if (rc < 0 && !Av.again(rc)) {
            // damaged sound does not make the picture less useful; it is simply missing there
            checked.refused(rc, audioPosition);
            return;
        }
        AVStream stream = in.stream(audioIndex);
        while (true) {
            rc = audioDecoder.receive(frame);
            if (Av.again(rc)) {
                return;
            }
            if (rc < 0) {
                checked.refused(rc, audioPosition);
                return;
            }
            double at = DecodeErrors.seconds(frame.best_effort_timestamp(), audioStart, stream.time_base());
            checked.decoded(frame, false, Double.isNaN(at) ? audioPosition : at);
            AVRational samples = av_make_q(1, frame.sample_rate());
            long pts = frame.best_effort_timestamp();
            pts = pts == AV_NOPTS_VALUE
                    ? (nextAudioPts == AV_NOPTS_VALUE ? 0 : nextAudioPts)
                    : av_rescale_q(pts - audioStart, stream.time_base(), samples);
            if (nextAudioPts != AV_NOPTS_VALUE && pts < nextAudioPts) {
                pts = nextAudioPts;
            }
            nextAudioPts = pts + frame.nb_samples();
            frame.pts(pts);
            handOn(false);
        }
    }

    /** Passes the decoded frame's data on to the filter thread; the frame is left blank for the next one. */
    private void handOn(boolean video) throws IOException {
        AVFrame copy = av_frame_clone(frame);
        av_frame_unref(frame);
        if (copy == null || copy.isNull()) {
            throw new IOException("cannot pass a frame on: out of memory");
        }
        filterStage.put(new Decoded(copy, video));
    }

    private void decodeError(int rc) {
        checked.refused(rc, position);
        decodeErrors++;
        if (firstDecodeError == null) {
            firstDecodeError = String.format(Locale.ROOT, "%s at %.2f s", Ffmpeg.errorText(rc), position);
        }
    }

    private static void free(Work w) {
        if (w instanceof Decoded d) {
            av_frame_free(d.frame());
        } else if (w instanceof Filtered f) {
            av_frame_free(f.frame());
        } else if (w instanceof Open o) {
            o.encoder().close();
        }
    }

    /** The filter thread: the filter graphs (set up from the first frame of each kind) and the encoders' set-up. */
    private final class Filtering {

        private final AVFrame filtered = av_frame_alloc();
        private AVRational timeBase;
        private AVRational rate;
        private int rotation;
        private boolean fieldOrderInterlaced;
        private boolean globalHeader;
        private FilterGraph videoFilters;
        private FilterGraph audioFilters;
        private String videoChain;
        private boolean videoOpened;

        boolean handle(Work work) throws IOException {
            if (work instanceof Decoded d) {
                try {
                    if (d.video()) {
                        video(d.frame());
                    } else if (!audioAbandoned) {
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
            if (audioFilters != null && !audioAbandoned) {
                audioFilters.push(null);
                drain(audioFilters, false);
            }
            if (videoOpened) {
                encoderStage.put(new End());
            }
            return false;
        }

        private void video(AVFrame decoded) throws IOException {
            if (videoFilters == null) {
                boolean interlaced = (decoded.flags() & Av.FRAME_FLAG_INTERLACED) != 0 || fieldOrderInterlaced;
                double fps = rate == null ? Double.NaN : av_q2d(rate);
                videoChain = Filters.video(profile, rotation, interlaced, fps);
                videoFilters = FilterGraph.video(decoded, timeBase, rate, videoChain);
                encoderStage.put(new Open(StreamEncoder.video(profile, videoFilters, rate, globalHeader), true));
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
                encoderStage.put(new Open(audio, false));
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
                encoderStage.put(new Filtered(copy, video));
            }
        }

        void close() {
            av_frame_free(filtered);
            closeQuietly(videoFilters);
            closeQuietly(audioFilters);
        }
    }

    /** The encoder thread: encoders, muxer, and the packets held back until the header can be written. */
    private final class Encoder {

        private record Held(AVPacket packet, OutputFile.Track track, AVRational timeBase) {
        }

        private final List<Held> held = new ArrayList<>();
        private final AVPacket encoded = av_packet_alloc();
        private OutputFile out;
        private StreamEncoder videoEncoder;
        private StreamEncoder audioEncoder;
        private OutputFile.Track videoTrack;
        private OutputFile.Track audioTrack;
        private boolean audioExpected;
        private long encodedFrames;

        boolean handle(Work work) throws IOException {
            if (work instanceof Open open) {
                open(open);
                return true;
            }
            if (work instanceof Filtered f) {
                try {
                    if (f.video()) {
                        encodedFrames++;
                        drain(videoEncoder, f.frame(), videoTrack);
                    } else if (audioEncoder != null) {
                        drain(audioEncoder, f.frame(), audioTrack);
                    }
                } finally {
                    av_frame_free(f.frame());
                }
                return true;
            }
            drain(videoEncoder, null, videoTrack);
            if (audioEncoder != null) {
                drain(audioEncoder, null, audioTrack);
            }
            if (!out.headerWritten()) {
                writeHeader();
            }
            out.finish();
            return false;
        }

        private void open(Open open) throws IOException {
            if (open.video()) {
                videoEncoder = open.encoder();
                videoTrack = out.addEncoded(videoEncoder.context(), true);
            } else if (audioAbandoned) {
                open.encoder().close();
                return;
            } else {
                audioEncoder = open.encoder();
                audioTrack = out.addEncoded(audioEncoder.context(), false);
            }
            writeHeaderWhenReady();
        }

        /** Sends a frame (null = flush) and writes, or holds back, every packet the encoder has ready. */
        private void drain(StreamEncoder encoder, AVFrame input, OutputFile.Track track) throws IOException {
            Av.check(encoder.send(input), "encode");
            while (true) {
                int rc = encoder.receive(encoded);
                if (Av.again(rc)) {
                    return;
                }
                Av.check(rc, "encode");
                AVRational timeBase = encoder.context().time_base();
                if (out.headerWritten()) {
                    out.write(encoded, track, timeBase);
                } else {
                    held.add(new Held(av_packet_clone(encoded), track, timeBase));
                    av_packet_unref(encoded);
                    if (held.size() > MAX_HELD && videoTrack != null && audioTrack == null) {
                        // the sound never gave a frame to set its encoder up with: go on without it
                        audioAbandoned = true;
                        audioExpected = false;
                        writeHeaderWhenReady();
                    }
                }
            }
        }

        private void writeHeaderWhenReady() throws IOException {
            boolean audioPending = audioExpected && audioTrack == null;
            if (videoTrack != null && !audioPending && !out.headerWritten()) {
                writeHeader();
            }
        }

        private void writeHeader() throws IOException {
            out.writeHeader(metadata, Boolean.TRUE.equals(profile.faststart()));
            for (Held h : held) {
                try {
                    out.write(h.packet(), h.track(), h.timeBase());
                } finally {
                    av_packet_free(h.packet());
                }
            }
            held.clear();
        }

        void close() {
            for (Held h : held) {
                av_packet_free(h.packet());
            }
            held.clear();
            av_packet_free(encoded);
            closeQuietly(videoEncoder);
            closeQuietly(audioEncoder);
            closeQuietly(out);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
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
        filtering.close();
        encoder.close();
        av_packet_free(packet);
        av_frame_free(frame);
        closeQuietly(videoDecoder);
        closeQuietly(audioDecoder);
        av_dict_free(metadata);
    }
}
