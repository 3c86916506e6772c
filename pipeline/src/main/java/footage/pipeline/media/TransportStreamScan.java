package footage.pipeline.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_PROGRESSIVE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_UNKNOWN;
import static org.bytedeco.ffmpeg.global.avformat.AV_PTS_WRAP_ADD_OFFSET;
import static org.bytedeco.ffmpeg.global.avformat.AV_PTS_WRAP_SUB_OFFSET;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVProgram;
import org.bytedeco.ffmpeg.avformat.AVStream;

/**
 * The packet scan of an MPEG-TS file read by Java instead of libavformat. libavformat reassembles every PES into a
 * packet and its H.264 and AAC parsers search every payload byte for frame boundaries; the scan only needs each
 * frame's timestamps and the number of frames, which the 4-byte packet headers, the PES headers and the 7-byte ADTS
 * headers give, so this reads the file in large sequential buffers and looks at those alone.
 *
 * <p>Its results must be libavformat's, packet for packet, so it handles only what it can reproduce exactly: 188-byte
 * packets (a trailing partial packet is ignored, as libavformat does), unscrambled, with unbroken continuity counters;
 * one H.264 video stream whose every PES is one access unit starting with an access unit delimiter (as FFmpeg's muxer
 * and camera muxers write them); AAC audio in ADTS frames; timestamps libavformat would not re-order or drop. Anything
 * else, and the scan goes on with libavformat. The first video packets are read by libavformat before, and must
 * agree.
 */
final class TransportStreamScan {

    private static final int PACKET = 188;
    /** About 1 MiB: large sequential reads, whole packets. */
    private static final int BUFFER = PACKET * 5577;
    /** Video packets libavformat reads first, to compare with and to learn the packet duration it states. */
    private static final int CALIBRATION = 16;
    private static final int NULL_PID = 0x1FFF;
    private static final long WRAP = 1L << 33;
    /**
     * One read buffer per probing thread, kept: direct buffers are freed only when the heap is collected, and a service
     * probing many files with a quiet heap would otherwise hold a megabyte of native memory per file until then.
     */
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));

    private TransportStreamScan() {
    }

    /** The packet scan of an opened MPEG-TS file (after {@code avformat_find_stream_info}). */
    static PacketScan read(Path file, AVFormatContext context, int videoIndex, int referenceIndex,
                           double referenceFrameSeconds) {
        PacketScan libav = new PacketScan(context, videoIndex, referenceIndex, referenceFrameSeconds);
        String why = unsupported(context, videoIndex, referenceIndex);
        if (why == null) {
            List<long[]> first = new ArrayList<>();
            if (libav.readPackets(context, CALIBRATION, first)) {
                return libav; // read whole already
            }
            PacketScan direct = new PacketScan(context, videoIndex, referenceIndex, referenceFrameSeconds);
            Reader reader = new Reader(context, videoIndex, direct, first.get(0)[2]);
            why = reader.scan(file);
            if (why == null) {
                why = reader.disagreement(first);
            }
            if (why == null) {
                direct.reader = "transport stream";
                direct.endCode = AVERROR_EOF;
                return direct;
            }
        }
        libav.reader = "libavformat: " + why;
        libav.readPackets(context, Long.MAX_VALUE, null);
        return libav;
    }

    private static String unsupported(AVFormatContext context, int videoIndex, int referenceIndex) {
        if (videoIndex < 0 || referenceIndex != videoIndex) {
            return "no video stream";
        }
        Set<Integer> pids = new HashSet<>();
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            AVCodecParameters parameters = stream.codecpar();
            boolean known = i == videoIndex ? parameters.codec_id() == AV_CODEC_ID_H264
                    : parameters.codec_type() == AVMEDIA_TYPE_AUDIO && parameters.codec_id() == AV_CODEC_ID_AAC;
            if (!known) {
                return "stream " + i + " is neither the H.264 video nor AAC audio";
            }
            if (stream.id() <= 0 || stream.id() >= NULL_PID || !pids.add(stream.id())) {
                return "stream " + i + " has no PID of its own";
            }
            if (stream.pts_wrap_bits() != 33 || stream.time_base().num() != 1 || stream.time_base().den() != 90_000) {
                return "stream " + i + " is not on the 90 kHz MPEG clock";
            }
        }
        int field = context.streams(videoIndex).codecpar().field_order();
        if (field != AV_FIELD_PROGRESSIVE && field != AV_FIELD_UNKNOWN) {
            return "interlaced video";
        }
        return program(context, videoIndex) == null ? "the video is in no program" : null;
    }

    private static AVProgram program(AVFormatContext context, int streamIndex) {
        for (int p = 0; p < context.nb_programs(); p++) {
            AVProgram program = context.programs(p);
            for (int i = 0; i < program.nb_stream_indexes(); i++) {
                if (program.stream_index().get(i) == streamIndex) {
                    return program;
                }
            }
        }
        return null;
    }

    /** One elementary stream's PES being read. */
    private static final class Pes {

        final int stream;
        final boolean video;
        int lastCc = -1;
        boolean open;
        /** payload bytes the PES header announces, or -1 (unbounded: ends at the next PES) */
        long total;
        long payload;
        long pts;
        long dts;
        /** ADTS: bytes of the current frame still to skip, and the next header's bytes gathered so far */
        int skip;
        int headerLength;
        final byte[] header = new byte[7];

        Pes(int stream, boolean video) {
            this.stream = stream;
            this.video = video;
        }
    }

    /** Thrown inside the scan for anything it does not reproduce; the reason goes to the caller. */
    private static final class Unsupported extends Exception {

        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class Reader {

        private final Pes[] pids = new Pes[NULL_PID + 1];
        private final PacketScan scan;
        private final long duration;
        private final int videoDelay;
        private final long wrapReference;
        private final int wrapBehavior;
        private final List<long[]> firstVideo = new ArrayList<>();
        private long lastOrderDts = AV_NOPTS_VALUE;
        private ByteBuffer buffer;

        Reader(AVFormatContext context, int videoIndex, PacketScan scan, long duration) {
            this.scan = scan;
            this.duration = duration;
            for (int i = 0; i < context.nb_streams(); i++) {
                pids[context.streams(i).id()] = new Pes(i, i == videoIndex);
            }
            videoDelay = context.streams(videoIndex).codecpar().video_delay();
            AVProgram program = program(context, videoIndex);
            wrapReference = program.pts_wrap_reference();
            wrapBehavior = program.pts_wrap_behavior();
        }

        /** Null when the whole file was read, else why it was not. */
        String scan(Path file) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                buffer = BUFFERS.get();
                boolean end = false;
                while (!end) {
                    buffer.clear();
                    while (buffer.hasRemaining()) {
                        if (channel.read(buffer) < 0) {
                            end = true;
                            break;
                        }
                    }
                    int whole = buffer.position() - buffer.position() % PACKET; // a partial last packet is ignored
                    for (int at = 0; at < whole; at += PACKET) {
                        packet(at);
                    }
                }
                for (Pes pes : pids) {
                    if (pes != null) {
                        finish(pes);
                        if (pes.headerLength > 0) {
                            throw new Unsupported("file ends inside an ADTS header");
                        }
                    }
                }
                return null;
            } catch (Unsupported e) {
                return e.getMessage();
            } catch (IOException e) {
                return "cannot read: " + e.getMessage();
            } finally {
                buffer = null;
            }
        }

        private void packet(int at) throws Unsupported {
            ByteBuffer b = buffer;
            if (b.get(at) != 0x47) {
                throw new Unsupported("lost packet sync");
            }
            int b1 = b.get(at + 1) & 0xFF;
            int pid = (b1 & 0x1F) << 8 | b.get(at + 2) & 0xFF;
            if (pid == NULL_PID) {
                return;
            }
            int b3 = b.get(at + 3) & 0xFF;
            if ((b1 & 0x80) != 0 || (b3 & 0xC0) != 0) {
                throw new Unsupported("transport error or scrambling");
            }
            boolean start = (b1 & 0x40) != 0;
            boolean hasPayload = (b3 & 0x10) != 0;
            int offset = at + 4;
            int end = at + PACKET;
            if ((b3 & 0x20) != 0) {
                int length = b.get(offset) & 0xFF;
                if (length > 0 && (b.get(offset + 1) & 0x80) != 0) {
                    throw new Unsupported("discontinuity indicator");
                }
                offset += 1 + length;
            } else if (!hasPayload) {
                throw new Unsupported("reserved adaptation field control");
            }
            Pes pes = pids[pid];
            if (pes == null) {
                // a PID the PMT does not list: libavformat would guess a stream from a PES start
                if (start && hasPayload && offset + 3 <= end && b.get(offset) == 0 && b.get(offset + 1) == 0
                        && b.get(offset + 2) == 1) {
                    throw new Unsupported("PES on PID " + pid + ", which is no known stream");
                }
                return;
            }
            int cc = b3 & 0x0F;
            if (pes.lastCc >= 0 && cc != (hasPayload ? (pes.lastCc + 1) & 0x0F : pes.lastCc)) {
                throw new Unsupported("continuity counter broken on PID " + pid);
            }
            pes.lastCc = cc;
            if (!hasPayload || offset >= end) {
                if (offset > end) {
                    throw new Unsupported("adaptation field longer than its packet");
                }
                return;
            }
            if (start) {
                finish(pes);
                offset = begin(pes, offset, end);
            } else if (!pes.open) {
                throw new Unsupported("payload outside a PES on PID " + pid);
            }
            payload(pes, offset, end);
        }

        /** Reads a PES header; returns where its payload starts. */
        private int begin(Pes pes, int offset, int end) throws Unsupported {
            ByteBuffer b = buffer;
            if (end - offset < 9 || b.get(offset) != 0 || b.get(offset + 1) != 0 || b.get(offset + 2) != 1) {
                throw new Unsupported("no PES header where one starts");
            }
            int streamId = b.get(offset + 3) & 0xFF;
            if (pes.video ? (streamId & 0xF0) != 0xE0 : (streamId & 0xE0) != 0xC0) {
                throw new Unsupported("PES stream id " + streamId);
            }
            int length = (b.get(offset + 4) & 0xFF) << 8 | b.get(offset + 5) & 0xFF;
            int flags1 = b.get(offset + 6) & 0xFF;
            int flags2 = b.get(offset + 7) & 0xFF;
            int headerLength = b.get(offset + 8) & 0xFF;
            if ((flags1 & 0xC0) != 0x80 || (flags1 & 0x30) != 0) {
                throw new Unsupported("PES header flags");
            }
            int payloadStart = offset + 9 + headerLength;
            if (payloadStart > end) {
                throw new Unsupported("PES header split across packets");
            }
            int timestamps = flags2 >> 6;
            if (timestamps == 2 && headerLength >= 5) {
                pes.pts = timestamp(offset + 9);
                pes.dts = pes.pts;
            } else if (timestamps == 3 && headerLength >= 10) {
                pes.pts = timestamp(offset + 9);
                pes.dts = timestamp(offset + 14);
            } else if (timestamps == 0 && !pes.video) {
                pes.pts = AV_NOPTS_VALUE;
                pes.dts = AV_NOPTS_VALUE;
            } else {
                throw new Unsupported("PES timestamps");
            }
            pes.total = length == 0 ? -1 : length - 3 - headerLength;
            pes.payload = 0;
            pes.open = true;
            return payloadStart;
        }

        private long timestamp(int at) {
            ByteBuffer b = buffer;
            return (long) (b.get(at) & 0x0E) << 29 | (long) ((b.get(at + 1) & 0xFF) << 8 | b.get(at + 2) & 0xFF) >> 1 << 15
                    | ((b.get(at + 3) & 0xFF) << 8 | b.get(at + 4) & 0xFF) >> 1;
        }

        private void payload(Pes pes, int offset, int end) throws Unsupported {
            int n = end - offset;
            if (pes.total >= 0 && pes.payload + n > pes.total) {
                throw new Unsupported("PES longer than its header says");
            }
            if (pes.video) {
                if (pes.payload == 0 && !startsWithDelimiter(offset, end)) {
                    throw new Unsupported("video PES without an access unit delimiter");
                }
            } else {
                adts(pes, offset, end);
            }
            pes.payload += n;
            if (pes.payload == pes.total) {
                finish(pes);
            }
        }

        private boolean startsWithDelimiter(int offset, int end) {
            ByteBuffer b = buffer;
            if (end - offset < 5 || b.get(offset) != 0 || b.get(offset + 1) != 0) {
                return false;
            }
            int at = b.get(offset + 2) == 1 ? offset + 3 : b.get(offset + 2) == 0 && b.get(offset + 3) == 1 ? offset + 4 : -1;
            return at > 0 && at < end && (b.get(at) & 0x1F) == 9;
        }

        /** Counts ADTS frames as the AAC parser splits them: one per header, the last one also when cut short. */
        private void adts(Pes pes, int offset, int end) throws Unsupported {
            ByteBuffer b = buffer;
            while (offset < end) {
                if (pes.skip > 0) {
                    int n = Math.min(pes.skip, end - offset);
                    pes.skip -= n;
                    offset += n;
                    continue;
                }
                pes.header[pes.headerLength++] = b.get(offset++);
                if (pes.headerLength == 7) {
                    pes.headerLength = 0;
                    byte[] h = pes.header;
                    int frameLength = (h[3] & 0x03) << 11 | (h[4] & 0xFF) << 3 | (h[5] & 0xFF) >> 5;
                    if ((h[0] & 0xFF) != 0xFF || (h[1] & 0xF6) != 0xF0 || ((h[2] & 0xFF) >> 2 & 0x0F) >= 13
                            || frameLength < 7 || (h[6] & 0x03) != 0) {
                        throw new Unsupported("audio that is not one ADTS frame after another");
                    }
                    pes.skip = frameLength - 7;
                    scan.count(pes.stream, AV_NOPTS_VALUE, AV_NOPTS_VALUE, 0);
                }
            }
        }

        /** The PES ends (the next begins, its stated length is reached, or the file ends): one packet if it had data. */
        private void finish(Pes pes) throws Unsupported {
            if (!pes.open) {
                return;
            }
            pes.open = false;
            if (pes.payload == 0 || !pes.video) {
                return;
            }
            long pts = wrap(pes.pts);
            long dts = wrap(pes.dts);
            if (dts - (1L << 32) > pts) {
                throw new Unsupported("decoding time a wrap ahead of presentation"); // libavformat moves it
            }
            if (dts == pts && (videoDelay == 1 || lastOrderDts != AV_NOPTS_VALUE && lastOrderDts > dts)) {
                throw new Unsupported("decoding time libavformat would drop");
            }
            lastOrderDts = dts;
            if (firstVideo.size() < CALIBRATION) {
                firstVideo.add(new long[] {pts, dts});
            }
            scan.count(pes.stream, pts, dts, duration);
        }

        /** libavformat's correction of the 33-bit clock's wrap, with the reference it set for the program. */
        private long wrap(long timestamp) {
            if (wrapReference == AV_NOPTS_VALUE) {
                return timestamp;
            }
            if (wrapBehavior == AV_PTS_WRAP_ADD_OFFSET && timestamp < wrapReference) {
                return timestamp + WRAP;
            }
            if (wrapBehavior == AV_PTS_WRAP_SUB_OFFSET && timestamp >= wrapReference) {
                return timestamp - WRAP;
            }
            return timestamp;
        }

        /** Null when libavformat's first video packets are the scan's, with one and the same duration. */
        String disagreement(List<long[]> libav) {
            if (firstVideo.size() < libav.size()) {
                return "fewer video packets than libavformat";
            }
            for (int i = 0; i < libav.size(); i++) {
                long[] theirs = libav.get(i);
                long[] ours = firstVideo.get(i);
                if (theirs[0] != ours[0] || theirs[1] != ours[1] || theirs[2] != duration) {
                    return "video packet " + i + " differs from libavformat's";
                }
            }
            return null;
        }
    }
}
