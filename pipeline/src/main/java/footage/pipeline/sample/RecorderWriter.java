package footage.pipeline.sample;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes {@link RecorderSpec} files with FFmpeg's own muxers and encoders, through JavaCV's recorder. */
final class RecorderWriter {

    private static final int FRAME_RATE = 10;
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final double TONE_HZ = 440;
    /** -10 dBFS: clearly above the -50 dBFS silence threshold. */
    private static final double AMPLITUDE = Math.pow(10, -10 / 20.0) * Short.MAX_VALUE;

    private RecorderWriter() {
    }

    static void write(Path target, RecorderSpec spec) throws IOException {
        int rate = spec.sampleRate();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), spec.picture() ? WIDTH : 0,
                spec.picture() ? HEIGHT : 0, spec.sound() ? 1 : 0)) {
            recorder.setFormat(spec.muxer());
            if (spec.picture()) {
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(FRAME_RATE);
                recorder.setVideoBitrate(200_000);
            }
            if (spec.sound()) {
                recorder.setAudioCodecName(spec.audioCodec());
                recorder.setSampleRate(rate);
                recorder.setAudioChannels(1);
                recorder.setAudioBitrate("amr".equals(spec.format()) ? 12_200 : 64_000);
            }
            recorder.start();
            long totalSamples = Math.round(spec.seconds() * rate);
            int frames = (int) Math.round(spec.seconds() * FRAME_RATE);
            long samplesWritten = 0;
            Frame picture = spec.picture() ? new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3) : null;
            for (int f = 0; f < Math.max(frames, 1); f++) {
                if (picture != null) {
                    paint(picture, f);
                    recorder.record(picture, avutil.AV_PIX_FMT_BGR24);
                }
                long until = spec.picture() ? Math.min(totalSamples, Math.round((f + 1) * (double) rate / FRAME_RATE))
                        : totalSamples;
                if (spec.sound()) {
                    while (samplesWritten < until) {
                        int n = (int) Math.min(rate / 10, until - samplesWritten);
                        recorder.recordSamples(rate, 1, tone(spec, samplesWritten, n, rate));
                        samplesWritten += n;
                    }
                }
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write " + spec.format() + " with FFmpeg: " + e.getMessage(), e);
        }
        if (spec.keepFraction() < 1) {
            try (FileChannel file = FileChannel.open(target, StandardOpenOption.WRITE)) {
                file.truncate(Math.max(1, Math.round(file.size() * spec.keepFraction())));
            }
        }
    }

    private static ShortBuffer tone(RecorderSpec spec, long from, int count, int rate) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            double t = (from + i) / (double) rate;
            boolean silent = t >= spec.silentFrom() && t < spec.silentTo();
            samples[i] = silent ? 0 : (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * t));
        }
        return ShortBuffer.wrap(samples);
    }

    private static void paint(Frame frame, int index) {
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int at = y * stride + x * 3;
                pixels.put(at, (byte) (x * 4 + index));
                pixels.put(at + 1, (byte) (y * 5));
                pixels.put(at + 2, (byte) (index * 8));
            }
        }
    }
}
