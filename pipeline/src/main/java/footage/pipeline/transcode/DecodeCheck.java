package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes every packet of a recording's main video and audio stream (the ones {@code ffmpeg -i F -f null -} decodes)
 * and counts what does not decode ({@link DecodeErrors}). Decoding only: frames stay as the decoder gives them (YUV),
 * nothing is converted or encoded, and each frame is released before the next is taken, so memory stays flat
 * whatever the length. For recordings the proxy transcode does not decode anyway. Thread-safe: each call has its own
 * native objects and frees them before it returns.
 */
public final class DecodeCheck {

    public DecodeCheck() {
        Ffmpeg.init();
    }

    /**
     * @throws SourceUnusableException the file does not open, or has neither video nor audio it can decode
     * @throws java.util.concurrent.CancellationException the listener cancelled it
     */
    public DecodeReport check(Path file, TranscodeListener listener) throws SourceUnusableException {
        Objects.requireNonNull(file, "file");
        TranscodeListener l = listener == null ? TranscodeListener.NONE : listener;
        try (InputFile in = InputFile.open(file); Run run = new Run(in, l)) {
            return run.all();
        }
    }

    /** One check: the decoders, a packet and a frame. */
    private static final class Run implements AutoCloseable {

        private final InputFile in;
        private final TranscodeListener listener;
        private final Cancellation cancellation;
        private final AVPacket packet = av_packet_alloc();
        private final AVFrame frame = av_frame_alloc();
        private final DecodeErrors errors = new DecodeErrors();
        private Track video;
        private Track audio;
        private double position;

        /** One decoded stream, where its timeline starts, and where its last packet was (for errors without a time). */
        private static final class Track {
            final int index;
            final StreamDecoder decoder;
            final long start;
            final boolean video;
            double at;

            Track(int index, StreamDecoder decoder, long start, boolean video) {
                this.index = index;
                this.decoder = decoder;
                this.start = start;
                this.video = video;
            }
        }

        Run(InputFile in, TranscodeListener listener) {
            this.in = in;
            this.listener = listener;
            this.cancellation = new Cancellation(listener);
        }

        DecodeReport all() throws SourceUnusableException {
            int v = in.bestStream(AVMEDIA_TYPE_VIDEO, -1);
            int a = in.bestStream(AVMEDIA_TYPE_AUDIO, v);
            String videoProblem = null;
            if (v >= 0) {
                try {
                    video = open(v, true);
                } catch (SourceUnusableException e) {
                    videoProblem = e.getMessage();
                }
            }
            if (a >= 0) {
                try {
                    audio = open(a, false);
                } catch (SourceUnusableException e) {
                    if (video == null) {
                        throw e;
                    }
                }
            }
            if (video == null && audio == null) {
                throw new SourceUnusableException(videoProblem != null ? videoProblem : "it has neither video nor audio");
            }
            double duration = in.durationSeconds();
            while (true) {
                cancellation.check();
                int rc = in.read(packet);
                if (rc == AVERROR_EOF) {
                    break;
                }
                if (rc < 0) {
                    errors.readStopped(rc, position);
                    break;
                }
                try {
                    Track t = video != null && packet.stream_index() == video.index ? video
                            : audio != null && packet.stream_index() == audio.index ? audio : null;
                    if (t != null) {
                        double at = DecodeErrors.seconds(packet, t.start, in.stream(t.index).time_base());
                        if (!Double.isNaN(at)) {
                            t.at = at;
                            position = Math.max(position, at);
                        }
                        decode(t, packet);
                        listener.progress(position, duration);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            if (video != null) {
                decode(video, null);
            }
            if (audio != null) {
                decode(audio, null);
            }
            return errors.report();
        }

        private Track open(int index, boolean isVideo) throws SourceUnusableException {
            StreamDecoder decoder = StreamDecoder.open(in.stream(index),
                    (isVideo ? "video (" : "audio (") + in.codecName(index) + ")");
            return new Track(index, decoder, in.startIn(in.stream(index)), isVideo);
        }

        /** Feeds one packet (null = flush) and takes every frame it gives, releasing each at once. */
        private void decode(Track t, AVPacket input) {
            int rc = t.decoder.send(input);
            if (rc < 0 && !Av.again(rc)) {
                errors.refused(rc, t.at);
            }
            while (true) {
                rc = t.decoder.receive(frame);
                if (Av.again(rc)) {
                    return;
                }
                if (rc < 0) {
                    errors.refused(rc, t.at);
                    return;
                }
                double at = DecodeErrors.seconds(frame.best_effort_timestamp(), t.start, in.stream(t.index).time_base());
                errors.decoded(frame, t.video, Double.isNaN(at) ? t.at : at);
                av_frame_unref(frame);
            }
        }

        @Override
        public void close() {
            av_packet_free(packet);
            av_frame_free(frame);
            if (video != null) {
                video.decoder.close();
            }
            if (audio != null) {
                audio.decoder.close();
            }
        }
    }
}
