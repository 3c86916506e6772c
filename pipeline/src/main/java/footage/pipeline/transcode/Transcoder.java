package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_PROGRESSIVE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_UNKNOWN;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Makes one derivative of one source with one profile, with FFmpeg's libraries in-process: a copy of the packets
 * (remux, or a proxy whose source already matches it), a re-encode, or a thumbnail. Never writes to the source.
 * Thread-safe: every call works on its own native objects, and frees them all before it returns.
 */
public final class Transcoder {

    public Transcoder() {
        Ffmpeg.init();
    }

    /**
     * Writes the derivative to {@code target} (a new file; whatever is there is overwritten). On an exception the
     * target may hold a partial file: the caller writes to a temporary name and removes it.
     *
     * @throws SourceUnusableException the source cannot give this derivative (not transient)
     * @throws java.util.concurrent.CancellationException the listener cancelled it
     * @throws IOException writing failed
     */
    public TranscodeResult transcode(Path source, Profile profile, Path target, TranscodeListener listener)
            throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(target, "target");
        TranscodeListener l = listener == null ? TranscodeListener.NONE : listener;
        if (profile.kind() == Profile.Kind.AUDIO) {
            return AudioEncoding.run(source, profile, target, l);
        }
        try (InputFile in = InputFile.open(source)) {
            switch (profile.kind()) {
                case THUMBNAIL -> {
                    try (Thumbnailing thumbnail = new Thumbnailing(in, profile, l,
                            footage.pipeline.media.PhotoOrientation.clockwise(source))) {
                        return thumbnail.run(target);
                    }
                }
                case REMUX -> {
                    try (Remuxing remux = new Remuxing(in, profile, l)) {
                        return remux.run(target, profile.videoCodec(), profile.audioCodec(), true);
                    }
                }
                default -> {
                    if (sourceMatches(in, profile).isEmpty()) {
                        try (Remuxing remux = new Remuxing(in, profile, l)) {
                            return remux.run(target, Codecs.codecOf(profile.videoCodec()),
                                    profile.hasAudio() ? Codecs.codecOf(profile.audioCodec()) : null, false);
                        }
                    }
                    try (Encoding encoding = new Encoding(in, profile, l)) {
                        return encoding.run(target);
                    }
                }
            }
        }
    }

    /**
     * For a proxy with {@code remux-when=source-matches}: empty when the source's streams already are what the
     * profile would encode (codecs, pixel format, at most its lines and frame rate, upright, progressive), so a copy
     * serves; else the first difference.
     */
    static Optional<String> sourceMatches(InputFile in, Profile profile) {
        if (profile.remuxWhen() != Profile.RemuxWhen.SOURCE_MATCHES) {
            return Optional.of("the profile always encodes");
        }
        int video = in.bestStream(AVMEDIA_TYPE_VIDEO, -1);
        if (video < 0) {
            return Optional.of("no video stream");
        }
        AVStream stream = in.stream(video);
        AVCodecParameters p = stream.codecpar();
        String codec = Codecs.codecOf(profile.videoCodec());
        if (!in.codecName(video).equals(codec)) {
            return Optional.of("video is " + in.codecName(video) + ", not " + codec);
        }
        if (!Codecs.pixelFormatName(p.format()).equals(profile.pixelFormat())) {
            return Optional.of("pixel format is " + Codecs.pixelFormatName(p.format()) + ", not " + profile.pixelFormat());
        }
        if (p.height() > profile.maxHeight() || p.height() % 2 != 0 || p.width() % 2 != 0) {
            return Optional.of("picture is " + p.width() + "x" + p.height());
        }
        AVRational rate = av_guess_frame_rate(in.context(), stream, null);
        if (profile.maxFps() != null && rate.num() > 0 && rate.den() > 0 && av_q2d(rate) > profile.maxFps() + 0.01) {
            return Optional.of("frame rate is " + av_q2d(rate));
        }
        if (in.rotation(video) != 0) {
            return Optional.of("the picture is turned by " + in.rotation(video) + " degrees");
        }
        if (p.field_order() != AV_FIELD_PROGRESSIVE && p.field_order() != AV_FIELD_UNKNOWN) {
            return Optional.of("the video is interlaced");
        }
        int audio = in.bestStream(AVMEDIA_TYPE_AUDIO, video);
        if (audio >= 0 && profile.hasAudio() && !in.codecName(audio).equals(Codecs.codecOf(profile.audioCodec()))) {
            return Optional.of("audio is " + in.codecName(audio) + ", not " + Codecs.codecOf(profile.audioCodec()));
        }
        return Optional.empty();
    }
}
