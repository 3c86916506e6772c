package footage.pipeline.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import footage.pipeline.media.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Counts what does not decode, with where it is. Many decoders (H.264 among them) conceal damage and only log it,
 * returning success; what they log is what {@code ffmpeg -v error} prints. Without reading the log, a decode error
 * here is any of:
 * <ul>
 *   <li>a packet the decoder refuses ({@code avcodec_send_packet} or {@code avcodec_receive_frame} below zero, other
 *       than "again" and end of stream): ffmpeg prints "Error submitting packet to decoder" for these, after the
 *       decoder's own one or two lines of why;</li>
 *   <li>a frame the decoder gives out flagged {@code AV_FRAME_FLAG_CORRUPT} or with {@code decode_error_flags} set
 *       (concealed damage, a missing reference): the decoder's "concealing … errors" lines;</li>
 *   <li>reading that stops before the end (a demuxer error other than end of file).</li>
 * </ul>
 * So the count is of damaged packets and frames, not of log lines. {@code ffmpeg -v error -i F -f null -} prints one to
 * five lines per damaged packet (the decoder's why, then "Error submitting packet to decoder"): on an MP4 with 30 % of
 * its middle overwritten the count is about its number of "Error submitting" lines (71 against 66, of 307 lines); on
 * one with a byte flipped every kilobyte, where H.264 conceals rather than refuses, about its number of lines (121
 * against 117); on clean media 0, as ffmpeg prints nothing. Not thread-safe: one per decoding thread.
 */
final class DecodeErrors {

    /** positions kept; the count, first and last go on past it */
    static final int MAX_POSITIONS = 100;
    /** AVFrame.flags bit (libavutil/frame.h), not mapped by JavaCPP */
    static final int FRAME_FLAG_CORRUPT = 1;

    private final List<Double> positions = new ArrayList<>();
    private long errors;
    private double first = Double.NaN;
    private double last = Double.NaN;
    private String firstError;
    private long videoFrames;
    private long audioFrames;

    /** A negative return of the decoder for a packet at {@code seconds} into the file. */
    void refused(int rc, double seconds) {
        add(seconds, Ffmpeg.errorText(rc));
    }

    /** Reading the file stopped at {@code seconds} with {@code rc}. */
    void readStopped(int rc, double seconds) {
        add(seconds, "reading stopped: " + Ffmpeg.errorText(rc));
    }

    /** A frame came out of the decoder; counted as an error when the decoder flagged it damaged. */
    void decoded(AVFrame frame, boolean video, double seconds) {
        if (video) {
            videoFrames++;
        } else {
            audioFrames++;
        }
        int flags = frame.decode_error_flags();
        if ((frame.flags() & FRAME_FLAG_CORRUPT) != 0 || flags != 0) {
            add(seconds, "damaged frame" + (flags != 0 ? " (decode_error_flags " + flags + ")" : ""));
        }
    }

    long errors() {
        return errors;
    }

    DecodeReport report() {
        return new DecodeReport(errors, first, last, positions, videoFrames, audioFrames, firstError);
    }

    private void add(double seconds, String what) {
        errors++;
        double at = Double.isNaN(seconds) ? 0 : Math.max(0, seconds);
        if (positions.size() < MAX_POSITIONS) {
            positions.add(Math.round(at * 1000) / 1000.0);
        }
        first = Double.isNaN(first) ? at : Math.min(first, at);
        last = Double.isNaN(last) ? at : Math.max(last, at);
        if (firstError == null) {
            firstError = String.format(Locale.ROOT, "%s at %.2f s", what, at);
        }
    }

    /** Seconds into the file of a timestamp in {@code timeBase} units, NaN when it has none. */
    static double seconds(long timestamp, long start, org.bytedeco.ffmpeg.avutil.AVRational timeBase) {
        return timestamp == AV_NOPTS_VALUE ? Double.NaN : (timestamp - start) * av_q2d(timeBase);
    }

    /** Seconds into the file of a packet: its presentation time, else its decoding time. */
    static double seconds(AVPacket packet, long start, org.bytedeco.ffmpeg.avutil.AVRational timeBase) {
        long t = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        return seconds(t, start, timeBase);
    }
}
