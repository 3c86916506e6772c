package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/** What one step of an {@link Encoding} hands to the next, in order. */
sealed interface EncodingWork {

    /** A frame as the source decodes it, for {@link FilterStep}. */
    record Decoded(AVFrame frame, boolean video) implements EncodingWork {
    }

    /** An encoder {@link FilterStep} set up from the first filtered frame of its kind, for {@link EncodeStep}. */
    record Open(StreamEncoder encoder, boolean video) implements EncodingWork {
    }

    /** A frame out of the filters, for {@link EncodeStep}. */
    record Filtered(AVFrame frame, boolean video) implements EncodingWork {
    }

    /** No more work: flush and finish. */
    record End() implements EncodingWork {
    }

    /** Releases the native memory of work that will not be handled. */
    static void free(EncodingWork work) {
        if (work instanceof Decoded d) {
            av_frame_free(d.frame());
        } else if (work instanceof Filtered f) {
            av_frame_free(f.frame());
        } else if (work instanceof Open o) {
            o.encoder().close();
        }
    }
}
