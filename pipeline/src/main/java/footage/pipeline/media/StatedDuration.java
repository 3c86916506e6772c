package footage.pipeline.media;

import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * How long a file says its audio and video last. Cameras add telemetry, GPS, timed-text and timecode tracks that
 * may run on after the picture and sound stop; such a track neither lengthens the recording nor makes its picture
 * and sound look cut short.
 *
 * @param reported what the container states for the recording: its own duration (the movie header for MP4/MOV),
 *                 else the longest audio or video stream; null when nothing is stated
 * @param judged   what the packets must reach: the longer of the container's and the audio and video streams'
 *                 statements; null when only a bit-rate guess exists
 * @param origin   seconds on the stream clock where the audio and video start; packet ends are measured from here
 */
record StatedDuration(Double reported, Double judged, double origin) {

    /**
     * @param containerSeconds the container's own statement (the movie header for MP4/MOV), null for none
     */
    static StatedDuration of(AVFormatContext context, Double containerSeconds, double tolerance) {
        double contextStart = context.start_time() == AV_NOPTS_VALUE ? 0 : (double) context.start_time() / AV_TIME_BASE;
        if (context.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE) {
            // FFmpeg guessed every duration from the bit rate: nothing is stated, nothing can be judged
            return new StatedDuration(containerSeconds, null, contextStart);
        }
        Double origin = null;
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (isAudioOrVideo(stream) && stream.start_time() != AV_NOPTS_VALUE && validTimeBase(stream)) {
                double start = seconds(stream.start_time(), stream.time_base());
                origin = origin == null ? start : Math.min(origin, start);
            }
        }
        double from = origin == null ? contextStart : origin;
        Double audioVideoEnd = null;
        Double otherEnd = null;
        for (int i = 0; i < context.nb_streams(); i++) {
            Double end = end(context.streams(i), from);
            if (end == null) {
                continue;
            }
            if (isAudioOrVideo(context.streams(i))) {
                audioVideoEnd = audioVideoEnd == null ? end : Math.max(audioVideoEnd, end);
            } else {
                otherEnd = otherEnd == null ? end : Math.max(otherEnd, end);
            }
        }
        return decide(containerSeconds, audioVideoEnd, otherEnd, from, tolerance);
    }

    /**
     * A container duration beyond the audio and video that ends where a data or subtitle track ends is that track's
     * length, not the recording's (FFmpeg's muxer writes the longest track of any kind into the movie header, and its
     * MPEG-TS demuxer stretches the format duration by such a track): it is set aside. A camera's movie header that
     * states the audio and video while its telemetry runs on is kept as it is.
     */
    static StatedDuration decide(Double container, Double audioVideoEnd, Double otherEnd, double origin,
                                 double tolerance) {
        Double claim = container == null || !(container > 0) ? null : container;
        if (claim != null && audioVideoEnd != null && claim > audioVideoEnd
                && otherEnd != null && Math.abs(otherEnd - claim) <= tolerance) {
            claim = null;
        }
        if (claim == null) {
            return new StatedDuration(audioVideoEnd, audioVideoEnd, origin);
        }
        return new StatedDuration(claim, audioVideoEnd == null ? claim : Math.max(claim, audioVideoEnd), origin);
    }

    /** Where the stream says it ends (start + duration), from {@code origin}; null when it states no duration. */
    private static Double end(AVStream stream, double origin) {
        if (stream.duration() == AV_NOPTS_VALUE || stream.duration() <= 0 || !validTimeBase(stream)) {
            return null;
        }
        long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
        return seconds(start + stream.duration(), stream.time_base()) - origin;
    }

    private static boolean isAudioOrVideo(AVStream stream) {
        int type = stream.codecpar().codec_type();
        return type == AVMEDIA_TYPE_VIDEO || type == AVMEDIA_TYPE_AUDIO;
    }

    private static boolean validTimeBase(AVStream stream) {
        return stream.time_base().num() > 0 && stream.time_base().den() > 0;
    }

    private static double seconds(long ticks, AVRational timeBase) {
        return (double) ticks * timeBase.num() / timeBase.den();
    }
}
