package footage.pipeline.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One pass over every packet of an opened file without decoding. Each packet's payload is
 * released right after it is counted, so memory stays flat however long the file is.
 */
final class PacketScan {

    long packets;
    long videoPackets;
    Double firstVideoTimestamp;
    Double lastVideoTimestamp;
    /** End (timestamp + duration) of the reference stream's latest packet, in seconds on the stream clock. */
    Double referenceEnd;
    /** AVERROR_EOF when the file was read to its end, else the error that stopped reading. */
    int endCode;
    /** "index" or "packets": where the timestamps came from. */
    String mode = "packets";
    /** "libavformat", "index" or "transport stream": what read the timestamps (for tests and benchmarks). */
    String reader = "libavformat";
    final java.util.List<TimestampJump> jumps = new java.util.ArrayList<>();
    private Long previousVideoDts;
    private Long firstVideoDts;
    private long jumpTicks = Long.MAX_VALUE;

    private final int videoIndex;
    private final int referenceIndex;
    private final TimeBase videoTimeBase;
    private final TimeBase referenceTimeBase;
    private final double referenceFrameSeconds;

    /**
     * @param videoIndex            main video stream or -1
     * @param referenceIndex        stream whose end measures the file's real length (video, else audio), or -1
     * @param referenceFrameSeconds duration to assume for a reference packet that states none, or 0
     */
    PacketScan(AVFormatContext context, int videoIndex, int referenceIndex, double referenceFrameSeconds) {
        this.videoIndex = videoIndex;
        this.referenceIndex = referenceIndex;
        this.referenceFrameSeconds = referenceFrameSeconds;
        this.videoTimeBase = TimeBase.of(context, videoIndex);
        this.referenceTimeBase = TimeBase.of(context, referenceIndex);
        this.jumpTicks = videoTimeBase.ticks(Math.max(1.0, 3 * referenceFrameSecondsOfVideo(videoIndex, referenceIndex, referenceFrameSeconds)));
    }

    /** Every packet libavformat gives, to the end of the file or the first read error. */
    static PacketScan read(AVFormatContext context, int videoIndex, int referenceIndex, double referenceFrameSeconds) {
        PacketScan scan = new PacketScan(context, videoIndex, referenceIndex, referenceFrameSeconds);
        scan.readPackets(context, Long.MAX_VALUE, null);
        return scan;
    }

    /**
     * Reads on with libavformat until {@code videoLimit} video packets have been counted or reading stops (then
     * {@link #endCode} is set and true returned). Each video packet's pts, dts and duration go to {@code video} when
     * it is not null.
     */
    boolean readPackets(AVFormatContext context, long videoLimit, java.util.List<long[]> video) {
        AVPacket packet = av_packet_alloc();
        if (packet == null || packet.isNull()) {
            throw new OutOfMemoryError("av_packet_alloc failed");
        }
        try {
            int rc;
            while (videoPackets < videoLimit) {
                if ((rc = av_read_frame(context, packet)) < 0) {
                    endCode = rc;
                    return true;
                }
                try {
                    if (video != null && packet.stream_index() == videoIndex) {
                        video.add(new long[] {packet.pts(), packet.dts(), packet.duration()});
                    }
                    count(packet.stream_index(), packet.pts(), packet.dts(), packet.duration());
                } finally {
                    av_packet_unref(packet);
                }
            }
            return false;
        } finally {
            av_packet_free(packet);
        }
    }

    /**
     * Index-only scan: the container's sample table (MP4/MOV) already holds every packet's timestamp, position and
     * size, so nothing but the header is read. Entries that start beyond the end of the file are missing
     * (truncation). Returns null when some stream has no index, so the caller reads the packets instead.
     */
    static PacketScan fromIndex(AVFormatContext context, int videoIndex, int referenceIndex, double referenceFrameSeconds,
                                long fileSize) {
        for (int i = 0; i < context.nb_streams(); i++) {
            if (org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count(context.streams(i)) <= 0) {
                return null;
            }
        }
        PacketScan scan = new PacketScan(context, videoIndex, referenceIndex, referenceFrameSeconds);
        scan.mode = "index";
        scan.reader = "index";
        scan.endCode = AVERROR_EOF;
        TimeBase videoTimeBase = scan.videoTimeBase;
        TimeBase referenceTimeBase = scan.referenceTimeBase;
        for (int s = 0; s < context.nb_streams(); s++) {
            org.bytedeco.ffmpeg.avformat.AVStream stream = context.streams(s);
            int n = org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count(stream);
            for (int i = 0; i < n; i++) {
                org.bytedeco.ffmpeg.avformat.AVIndexEntry e = org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry(stream, i);
                if (e.pos() >= fileSize) {
                    break; // no byte of this sample (or any later one) is in the file; a cut one still counts, as when reading
                }
                scan.packets++;
                long ts = e.timestamp();
                if (s == videoIndex) {
                    scan.videoPackets++;
                    double at = videoTimeBase.seconds(ts);
                    scan.firstVideoTimestamp = scan.firstVideoTimestamp == null ? at : Math.min(scan.firstVideoTimestamp, at);
                    scan.lastVideoTimestamp = scan.lastVideoTimestamp == null ? at : Math.max(scan.lastVideoTimestamp, at);
                    scan.checkJump(ts, videoTimeBase);
                }
                if (s == referenceIndex) {
                    double duration = i + 1 < n
                            ? referenceTimeBase.seconds(org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry(stream, i + 1).timestamp() - ts)
                            : referenceFrameSeconds;
                    double end = referenceTimeBase.seconds(ts) + Math.max(0, duration);
                    scan.referenceEnd = scan.referenceEnd == null ? end : Math.max(scan.referenceEnd, end);
                }
            }
        }
        return scan;
    }

    private static double referenceFrameSecondsOfVideo(int videoIndex, int referenceIndex, double referenceFrameSeconds) {
        return videoIndex >= 0 && videoIndex == referenceIndex ? referenceFrameSeconds : 0;
    }

    /** Decode-order timestamps only ever rise by about a frame; anything else is a discontinuity. */
    private void checkJump(long dts, TimeBase timeBase) {
        if (firstVideoDts == null) {
            firstVideoDts = dts;
        }
        if (previousVideoDts != null) {
            long step = dts - previousVideoDts;
            if (step < 0 || step > jumpTicks) {
                jumps.add(new TimestampJump(timeBase.seconds(previousVideoDts - firstVideoDts),
                        timeBase.seconds(dts - firstVideoDts)));
            }
        }
        previousVideoDts = dts;
    }

    boolean readToEnd() {
        return endCode == AVERROR_EOF;
    }

    /** One packet as libavformat gives it: timestamps in its stream's time base, AV_NOPTS_VALUE when absent. */
    void count(int stream, long pts, long dts, long duration) {
        packets++;
        long timestamp = pts != AV_NOPTS_VALUE ? pts : dts;
        if (stream == videoIndex) {
            videoPackets++;
            long decoding = dts != AV_NOPTS_VALUE ? dts : pts;
            if (decoding != AV_NOPTS_VALUE) {
                checkJump(decoding, videoTimeBase);
            }
            if (timestamp != AV_NOPTS_VALUE) {
                double at = videoTimeBase.seconds(timestamp);
                firstVideoTimestamp = firstVideoTimestamp == null ? at : Math.min(firstVideoTimestamp, at);
                lastVideoTimestamp = lastVideoTimestamp == null ? at : Math.max(lastVideoTimestamp, at);
            }
        }
        if (stream == referenceIndex && timestamp != AV_NOPTS_VALUE) {
            double seconds = duration > 0 ? referenceTimeBase.seconds(duration) : referenceFrameSeconds;
            double end = referenceTimeBase.seconds(timestamp) + seconds;
            referenceEnd = referenceEnd == null ? end : Math.max(referenceEnd, end);
        }
    }

    /** A stream's time base; multiplying before dividing gives 203776/10240 = 19.9, not 19.900000000000002. */
    private record TimeBase(long num, long den) {

        static TimeBase of(AVFormatContext context, int streamIndex) {
            if (streamIndex < 0) {
                return new TimeBase(0, 1);
            }
            AVRational timeBase = context.streams(streamIndex).time_base();
            return timeBase.den() == 0 ? new TimeBase(0, 1) : new TimeBase(timeBase.num(), timeBase.den());
        }

        double seconds(long ticks) {
            return (double) ticks * num / den;
        }

        long ticks(double seconds) {
            return num == 0 ? Long.MAX_VALUE : (long) Math.floor(seconds * den / num);
        }
    }
}
