package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import java.io.IOException;

import footage.pipeline.media.Ffmpeg;

/** Return-code handling shared by the transcoder's native wrappers. */
final class Av {

    /** AVFrame.flags bits (libavutil/frame.h); JavaCPP does not map these macros. */
    static final int FRAME_FLAG_INTERLACED = 1 << 3;
    static final int FRAME_FLAG_TOP_FIELD_FIRST = 1 << 4;

    private Av() {
    }

    static void check(int rc, String action) throws IOException {
        if (rc < 0) {
            throw new IOException("cannot " + action + ": " + Ffmpeg.errorText(rc));
        }
    }

    /** Nothing more now (feed more input) or nothing more ever (flushed). */
    static boolean again(int rc) {
        return rc == AVERROR_EAGAIN() || rc == AVERROR_EOF;
    }
}
