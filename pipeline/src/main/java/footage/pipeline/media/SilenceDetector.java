package footage.pipeline.media;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds where a recording's sound stays below a level (Art. 8 asks for sound for the whole process): decodes the
 * first audio stream only — video packets are read past, never decoded — and measures the level of every 100 ms
 * window as RMS in dBFS over all channels. A run of quiet windows at least {@code minSeconds} long is a span.
 */
public final class SilenceDetector {

    /** Level windows: fine enough that a span's ends are known to 0.1 s. */
    static final double WINDOW_SECONDS = 0.1;

    private final double levelDbfs;
    private final double minSeconds;

    /**
     * @param levelDbfs  a window whose RMS is below this is silent, e.g. -50
     * @param minSeconds the shortest silent stretch worth reporting
     */
    public SilenceDetector(double levelDbfs, double minSeconds) {
        if (!(levelDbfs < 0) || levelDbfs < -120) {
            throw new IllegalArgumentException("silence level must be between -120 and 0 dBFS but was " + levelDbfs);
        }
        if (!(minSeconds > 0)) {
            throw new IllegalArgumentException("the shortest silence must be positive but was " + minSeconds);
        }
        this.levelDbfs = levelDbfs;
        this.minSeconds = minSeconds;
        Ffmpeg.init();
    }

    /** What was found: the silent spans, or why the sound could not be decoded (then spans is empty). */
    public record Result(List<SilentSpan> spans, String error) {

        public Result {
            spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
        }
    }

    public Result scan(Path file) {
        Objects.requireNonNull(file, "file");
        boolean described;
        try {
            described = MediaSniffer.isIsoBmff(file);
        } catch (IOException e) {
            described = false; // the scan opens it again and says what is wrong
        }
        Result result = described ? scan(file, true) : null;
        return result == null ? scan(file, false) : result;
    }

    /**
     * @param fromHeader open without probing the packets: an MP4's header states the sound's format, and libavformat's
     *                   probe decoded video frames it then threw away, half the scan's time (BENCHMARKS.md §1);
     *                   null when the header left the sound's format unknown, so the caller probes after all
     */
    private Result scan(Path file, boolean fromHeader) {
        Scan scan = new Scan();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleMode(FrameGrabber.SampleMode.SHORT);
            if (fromHeader) {
                grabber.setOption("probesize", "32");
                grabber.setOption("analyzeduration", "0");
                grabber.setOption("fpsprobesize", "0");
            }
            grabber.start();
            if (grabber.getAudioChannels() <= 0 || grabber.getSampleRate() <= 0) {
                return fromHeader ? null : new Result(List.of(), "no audio stream");
            }
            scan.windowSamples = Math.max(1, (int) Math.round(grabber.getSampleRate() * WINDOW_SECONDS));
            discardAllButSound(grabber.getFormatContext());
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                if (frame.samples != null) {
                    scan.add(frame.samples, grabber.getAudioChannels());
                }
            }
            grabber.stop();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            if (fromHeader && scan.windows == 0 && scan.inWindow == 0) {
                return null; // nothing decoded yet: the probing open may do better, and says why if not
            }
            // what was decoded before the error still counts: a damaged file is checked as far as it plays
            scan.finish();
            return new Result(scan.spans, "sound decoded up to " + String.format(java.util.Locale.ROOT, "%.1f s",
                    scan.position()) + ": " + (e.getMessage() == null ? e.toString() : e.getMessage().strip()));
        }
        scan.finish();
        return new Result(scan.spans, null);
    }

    /**
     * Marks every stream but the sound ones discarded, so the demuxer skips their packets instead of reading them: in
     * an MP4 the video is ~97 % of the bytes, and reading it past cost two thirds of the scan (BENCHMARKS.md §1).
     */
    private static void discardAllButSound(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if (stream.codecpar().codec_type() != avutil.AVMEDIA_TYPE_AUDIO) {
                stream.discard(avcodec.AVDISCARD_ALL);
            }
        }
    }

    private final class Scan {
        final List<SilentSpan> spans = new ArrayList<>();
        final double threshold = Math.pow(10, levelDbfs / 20) * 32768;
        int windowSamples;
        long windows;
        int inWindow;
        double sumSquares;
        long count;
        long silentSince = -1;

        /** Samples per channel are counted; the window's energy is over all channels together. */
        void add(Buffer[] buffers, int channels) {
            boolean planar = buffers.length > 1;
            int perFrame = planar ? ((ShortBuffer) buffers[0]).remaining() : ((ShortBuffer) buffers[0]).remaining() / channels;
            for (int i = 0; i < perFrame; i++) {
                for (int c = 0; c < channels; c++) {
                    ShortBuffer b = (ShortBuffer) buffers[planar ? c : 0];
                    int at = b.position() + (planar ? i : i * channels + c);
                    if (at < b.limit()) {
                        double v = b.get(at);
                        sumSquares += v * v;
                        count++;
                    }
                }
                if (++inWindow == windowSamples) {
                    closeWindow();
                }
            }
        }

        void closeWindow() {
            boolean silent = count == 0 || Math.sqrt(sumSquares / count) < threshold;
            if (silent && silentSince < 0) {
                silentSince = windows;
            } else if (!silent && silentSince >= 0) {
                span(windows);
            }
            windows++;
            inWindow = 0;
            sumSquares = 0;
            count = 0;
        }

        void finish() {
            if (inWindow > 0) {
                closeWindow();
            }
            if (silentSince >= 0) {
                span(windows);
            }
        }

        double position() {
            return windows * WINDOW_SECONDS;
        }

        private void span(long endWindow) {
            double from = silentSince * WINDOW_SECONDS;
            double to = endWindow * WINDOW_SECONDS;
            if (to - from >= minSeconds) {
                spans.add(new SilentSpan(round(from), round(to)));
            }
            silentSince = -1;
        }

        private double round(double seconds) {
            return Math.round(seconds * 10) / 10.0;
        }
    }
}
