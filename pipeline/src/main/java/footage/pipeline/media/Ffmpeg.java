package footage.pipeline.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The edge between Java and the native FFmpeg libraries: one-time setup, error texts, file URLs.
 * Shared by the probe and the sample generator so both report native errors the same way.
 */
public final class Ffmpeg {

    private static final int ERROR_BUFFER_SIZE = 256;

    static {
        // Probe results carry their own reasons; FFmpeg's per-file complaints (e.g. "partial file")
        // would otherwise flood stderr once per damaged file during a batch of thousands.
        av_log_set_level(AV_LOG_FATAL);
    }

    private Ffmpeg() {
    }

    /** Loads the native libraries and quiets FFmpeg logging; idempotent and cheap after the first call. */
    public static void init() {
        // the work happens in the static initialiser, which the JVM runs exactly once
    }

    /**
     * Starts loading FFmpeg's libraries (about 0.5-1 s: a dozen shared libraries and their JNI bindings) on a daemon
     * thread, so a command that will need them has them loaded while its application context starts. Whatever fails
     * is left to the first real use, where the JVM reports it with this thread's exception as the cause.
     */
    public static void loadInBackground() {
        Thread loader = new Thread(Ffmpeg::loadAll, "footage-ffmpeg-load");
        loader.setDaemon(true);
        loader.start();
    }

    private static void loadAll() {
        try {
            init();
            // the grabber's libraries (libavdevice and its dependents included) are the rest of what the silence scan loads
            FFmpegFrameGrabber.tryLoad();
        } catch (FrameGrabber.Exception | LinkageError e) {
            // reported by the first use (see above)
        }
    }

    /** The one-line text FFmpeg gives for a negative return code, e.g. "Invalid data found when processing input". */
    public static String errorText(int errorCode) {
        byte[] buffer = new byte[ERROR_BUFFER_SIZE];
        if (av_strerror(errorCode, buffer, buffer.length) < 0) {
            return "FFmpeg error " + errorCode;
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * A native string naming the file for FFmpeg. The explicit "file:" protocol stops a name such as
     * "rtmp:x.mp4" or "a:b.mp4" from being taken as another protocol, and UTF-8 matches what the
     * Linux file system stores whatever the JVM's default charset is. Close it after use.
     */
    public static BytePointer fileUrl(Path file) {
        return new BytePointer("file:" + file.toAbsolutePath(), StandardCharsets.UTF_8);
    }
}
