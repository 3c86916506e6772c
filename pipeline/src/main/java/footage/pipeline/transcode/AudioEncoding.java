package footage.pipeline.transcode;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A listening copy: the source's first audio stream decoded and re-encoded alone, mixed to the profile's channels
 * (JavaCV's recorder resamples with libswresample). Sound is cheap, so this stays one thread. A source whose sound
 * stops decoding part-way gives a partial copy with where and why.
 */
final class AudioEncoding {

    /** Opus takes these rates only; the others take the source's own. */
    private static final Set<String> OPUS = Set.of("libopus", "opus");
    private static final int OPUS_RATE = 48_000;

    private AudioEncoding() {
    }

    static TranscodeResult run(Path source, Profile profile, Path target, TranscodeListener listener) throws IOException {
        Cancellation cancellation = new Cancellation(listener);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new SourceUnusableException("it does not open: " + message(e));
            }
            if (grabber.getAudioChannels() <= 0 || grabber.getSampleRate() <= 0) {
                throw new SourceUnusableException("it has no audio stream");
            }
            double duration = grabber.getLengthInTime() > 0 ? grabber.getLengthInTime() / 1e6 : Double.NaN;
            int rate = OPUS.contains(profile.audioCodec()) ? OPUS_RATE : grabber.getSampleRate();
            double position = 0;
            String damage = null;
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), profile.audioChannels())) {
                recorder.setFormat(profile.container());
                recorder.setAudioCodecName(profile.audioCodec());
                recorder.setAudioBitrate((int) (long) profile.audioBitrate());
                recorder.setSampleRate(rate);
                recorder.setAudioChannels(profile.audioChannels());
                if (Boolean.TRUE.equals(profile.faststart())) {
                    recorder.setOption("movflags", "+faststart");
                }
                recorder.start();
                Frame frame;
                while (true) {
                    cancellation.check();
                    try {
                        frame = grabber.grabSamples();
                    } catch (FrameGrabber.Exception e) {
                        damage = String.format(java.util.Locale.ROOT, "sound stops decoding at %.2f s: %s", position,
                                message(e));
                        break;
                    }
                    if (frame == null) {
                        break;
                    }
                    if (frame.samples != null) {
                        recorder.record(frame);
                        position = Math.max(position, frame.timestamp / 1e6);
                        listener.progress(position, duration);
                    }
                }
                recorder.stop();
            } catch (FrameRecorder.Exception e) {
                throw new IOException("cannot write the " + profile.name() + " copy: " + message(e), e);
            }
            return new TranscodeResult(TranscodeMethod.ENCODE, Double.isNaN(duration) ? null : duration, position, 0, 0,
                    true, damage, null);
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot close " + source.getFileName() + ": " + message(e), e);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().strip();
    }
}
