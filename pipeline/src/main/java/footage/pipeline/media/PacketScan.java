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

    private PacketScan() {
    }

    /**
     * @param videoIndex            main video stream or -1
     * @param referenceIndex        stream whose end measures the file's real length (video, else audio), or -1
     * @param referenceFrameSeconds duration to assume for a reference packet that states none, or 0
     */
    static PacketScan read(AVFormatContext context, int videoIndex, int referenceIndex, double referenceFrameSeconds) {
        PacketScan scan = new PacketScan();
        TimeBase videoTimeBase = TimeBase.of(context, videoIndex);
        TimeBase referenceTimeBase = TimeBase.of(context, referenceIndex);
        AVPacket packet = av_packet_alloc();
        if (packet == null || packet.isNull()) {
            throw new OutOfMemoryError("av_packet_alloc failed");
        }
        try {
            int rc;
            while ((rc = av_read_frame(context, packet)) >= 0) {
                try {
                    scan.count(packet, videoIndex, videoTimeBase, referenceIndex, referenceTimeBase, referenceFrameSeconds);
                } finally {
                    av_packet_unref(packet);
                }
            }
            scan.endCode = rc;
        } finally {
            av_packet_free(packet);
        }
        return scan;
    }

    boolean readToEnd() {
        return endCode == AVERROR_EOF;
    }

    private void count(AVPacket packet, int videoIndex, TimeBase videoTimeBase, int referenceIndex,
                       TimeBase referenceTimeBase, double referenceFrameSeconds) {
        packets++;
        int stream = packet.stream_index();
        long timestamp = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        if (stream == videoIndex) {
            videoPackets++;
            if (timestamp != AV_NOPTS_VALUE) {
                double at = videoTimeBase.seconds(timestamp);
                firstVideoTimestamp = firstVideoTimestamp == null ? at : Math.min(firstVideoTimestamp, at);
                lastVideoTimestamp = lastVideoTimestamp == null ? at : Math.max(lastVideoTimestamp, at);
            }
        }
        if (stream == referenceIndex && timestamp != AV_NOPTS_VALUE) {
            double duration = packet.duration() > 0 ? referenceTimeBase.seconds(packet.duration()) : referenceFrameSeconds;
            double end = referenceTimeBase.seconds(timestamp) + duration;
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
    }
}
