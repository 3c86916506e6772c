package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The first step of an {@link Encoding}, on the calling thread: reads the source, decodes its video and audio, gives
 * the frames timestamps from 0 and hands them to the filter step. Damaged sources are decoded as far as they go; what
 * did not decode is counted ({@link #damage}) and checked ({@link #decodeCheck}).
 */
final class DecodeStep implements AutoCloseable {

    private final InputFile in;
    private final TranscodeListener listener;
    private final Cancellation cancellation;
    /** set by the encode step when the sound never gave a frame to open its encoder with */
    private final AtomicBoolean audioAbandoned;
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
    private Stage<EncodingWork> next;

    DecodeStep(InputFile in, TranscodeListener listener, AtomicBoolean audioAbandoned) {
        this.in = in;
        this.listener = listener;
        this.cancellation = new Cancellation(listener);
        this.audioAbandoned = audioAbandoned;
    }

    /** Opens the decoders: the video's, which must open, and the audio's when the profile has sound. */
    AVStream open(Profile profile) throws SourceUnusableException {
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
        return video;
    }

    /** The video's frame rate as the filters take it, 0/0 when unknown: sets the step a frame apart. */
    void frameRate(AVRational rate) {
        frameInterval = rate.num() > 0 && rate.den() > 0 ? 1 / av_q2d(rate) : 0;
    }

    int videoIndex() {
        return videoIndex;
    }

    boolean decodesAudio() {
        return audioDecoder != null;
    }

    /** Reads and decodes the whole source, handing every frame to {@code next}, then flushes the decoders. */
    void run(Stage<EncodingWork> next, double duration) throws IOException {
        this.next = next;
        readAll(duration);
        decodeVideo(null);
        if (audioDecoder != null && !audioAbandoned.get()) {
            decodeAudio(null);
        }
    }

    long decodedFrames() {
        return decodedFrames;
    }

    /** Why not one video frame came out, as far as reading and decoding tell. */
    String noVideoReason() {
        return firstDecodeError != null ? ": " + firstDecodeError : readError != null ? ": " + readError : "";
    }

    /** The decode check, when the sound was decoded to its end too (or there is none); else null. */
    DecodeReport decodeCheck() {
        boolean whole = !sourceHasAudio || (audioDecoder != null && !audioAbandoned.get());
        return whole ? checked.report() : null;
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
                } else if (packet.stream_index() == audioIndex && !audioAbandoned.get()) {
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

    /** Null when the source decoded whole, else what was lost. */
    String damage(Double sourceSeconds, double outputSeconds) {
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
        next.put(new EncodingWork.Decoded(copy, video));
    }

    private void decodeError(int rc) {
        checked.refused(rc, position);
        decodeErrors++;
        if (firstDecodeError == null) {
            firstDecodeError = String.format(Locale.ROOT, "%s at %.2f s", Ffmpeg.errorText(rc), position);
        }
    }

    @Override
    public void close() {
        av_packet_free(packet);
        av_frame_free(frame);
        Encoding.closeQuietly(videoDecoder);
        Encoding.closeQuietly(audioDecoder);
    }
}
