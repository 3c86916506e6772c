package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The source's video (and audio) packets copied into the profile's container: nothing is decoded, so the pictures
 * are bit for bit the original's. Timestamps start at 0 as ffmpeg's {@code -c copy} output does. A damaged source is
 * copied as far as it reads.
 */
final class Remuxing implements AutoCloseable {

    private final InputFile in;
    private final Profile profile;
    private final TranscodeListener listener;
    private final Cancellation cancellation;
    private final AVPacket packet = av_packet_alloc();
    private OutputFile out;

    Remuxing(InputFile in, Profile profile, TranscodeListener listener) {
        this.in = in;
        this.profile = profile;
        this.listener = listener;
        this.cancellation = new Cancellation(listener);
    }

    /**
     * @param videoCodec the codec the video must have
     * @param audioCodec the codec audio must have to be copied; null to leave audio out
     * @param strictAudio audio of another codec makes the source unusable (else it is left out)
     */
    TranscodeResult run(Path target, String videoCodec, String audioCodec, boolean strictAudio) throws IOException {
        int videoIndex = in.bestStream(AVMEDIA_TYPE_VIDEO, -1);
        if (videoIndex < 0) {
            throw new SourceUnusableException("it has no video stream");
        }
        if (!in.codecName(videoIndex).equals(videoCodec)) {
            throw new SourceUnusableException("its video is " + in.codecName(videoIndex) + ", which a copy into "
                    + profile.container() + " by " + profile.name() + " does not take (only " + videoCodec + ")");
        }
        int audioIndex = audioCodec == null ? -1 : in.bestStream(AVMEDIA_TYPE_AUDIO, videoIndex);
        if (audioIndex >= 0 && !in.codecName(audioIndex).equals(audioCodec)) {
            if (strictAudio) {
                throw new SourceUnusableException("its audio is " + in.codecName(audioIndex) + ", which a copy by "
                        + profile.name() + " does not take (only " + audioCodec + ")");
            }
            audioIndex = -1;
        }
        out = OutputFile.create(target, profile.container());
        AVStream video = in.stream(videoIndex);
        OutputFile.Track videoTrack = out.addCopy(video, true);
        OutputFile.Track audioTrack = audioIndex < 0 ? null : out.addCopy(in.stream(audioIndex), false);
        out.writeHeader(in.context().metadata(), Boolean.TRUE.equals(profile.faststart()));

        double duration = in.durationSeconds();
        long videoStart = in.startIn(video);
        long audioStart = audioIndex < 0 ? 0 : in.startIn(in.stream(audioIndex));
        double position = 0;
        long videoPackets = 0;
        String readError = null;
        while (true) {
            cancellation.check();
            int rc = in.read(packet);
            if (rc == AVERROR_EOF) {
                break;
            }
            if (rc < 0) {
                readError = String.format(Locale.ROOT, "reading stopped at %.2f s: %s", position, Ffmpeg.errorText(rc));
                break;
            }
            try {
                int index = packet.stream_index();
                if (index == videoIndex) {
                    shift(packet, videoStart);
                    if (packet.pts() != AV_NOPTS_VALUE) {
                        position = Math.max(position, packet.pts() * av_q2d(video.time_base()));
                    }
                    out.write(packet, videoTrack, video.time_base());
                    videoPackets++;
                    listener.progress(position, duration);
                } else if (index == audioIndex) {
                    shift(packet, audioStart);
                    out.write(packet, audioTrack, in.stream(audioIndex).time_base());
                }
            } finally {
                av_packet_unref(packet);
            }
        }
        if (videoPackets == 0) {
            throw new SourceUnusableException("not one video packet could be read"
                    + (readError == null ? "" : ": " + readError));
        }
        out.finish();
        double outputSeconds = out.endSeconds();
        Double sourceSeconds = Double.isNaN(duration) ? null : duration;
        String damage = readError;
        AVRational rate = av_guess_frame_rate(in.context(), video, null);
        double frameInterval = rate.num() > 0 && rate.den() > 0 ? 1 / av_q2d(rate) : 0;
        if (sourceSeconds != null && outputSeconds < sourceSeconds - Math.max(0.25, 3 * frameInterval)) {
            String end = String.format(Locale.ROOT, "the media ends at %.2f s of the %.2f s the container states",
                    outputSeconds, sourceSeconds);
            damage = damage == null ? end : damage + "; " + end;
        }
        return new TranscodeResult(TranscodeMethod.REMUX, sourceSeconds, outputSeconds, videoPackets, 0,
                audioTrack != null, damage == null ? null : "copied as far as it reads: " + damage, null);
    }

    private static void shift(AVPacket packet, long start) {
        if (packet.pts() != AV_NOPTS_VALUE) {
            packet.pts(packet.pts() - start);
        }
        if (packet.dts() != AV_NOPTS_VALUE) {
            packet.dts(packet.dts() - start);
        }
    }

    @Override
    public void close() {
        av_packet_free(packet);
        if (out != null) {
            out.close();
        }
    }
}
