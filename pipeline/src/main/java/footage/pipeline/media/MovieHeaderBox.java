package footage.pipeline.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the duration an MP4/MOV movie header (moov/mvhd) states. FFmpeg does not expose it: the mov demuxer's
 * format duration is the longest audio or video track, stretched by a data or subtitle track that ends less than a
 * second later (so a camera's telemetry track moves it). Only box headers are read, and only so many of them.
 */
public final class MovieHeaderBox {

    private static final int BOX_HEADER = 8;
    /** Real files have a handful of top-level boxes and a few dozen in moov; anything far beyond is not a movie. */
    private static final int MAX_BOXES = 1024;
    /** mvhd version 0 and 1 store an all-ones duration when it is unknown. */
    private static final long UNKNOWN_32 = 0xFFFF_FFFFL;

    private MovieHeaderBox() {
    }

    /**
     * Where a movie header keeps its timescale (32 bits) and, right after it, its duration (64 bits when
     * {@code wide}, version 1; else 32).
     */
    public record DurationField(long timescaleAt, boolean wide) {
    }

    /** The movie header's duration field, or null when the file has no movie header or its boxes do not add up. */
    public static DurationField durationField(FileChannel channel) throws IOException {
        long[] moov = find(channel, 0, channel.size(), "moov");
        long[] mvhd = moov == null ? null : find(channel, moov[0], moov[1], "mvhd");
        if (mvhd == null || mvhd[1] - mvhd[0] < 4 + 20) {
            return null;
        }
        boolean wide = read(channel, mvhd[0], 1).get(0) == 1;
        if (wide && mvhd[1] - mvhd[0] < 4 + 28) {
            return null;
        }
        // after version and flags: creation and modification times (32 or 64 bits), timescale, duration
        return new DurationField(mvhd[0] + 4 + (wide ? 16 : 8), wide);
    }

    /** Seconds the movie header states, or null when the file has none, states none, or its boxes do not add up. */
    static Double durationSeconds(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            DurationField field = durationField(channel);
            if (field == null) {
                return null;
            }
            boolean wide = field.wide();
            long timescaleAt = field.timescaleAt();
            long timescale = Integer.toUnsignedLong(read(channel, timescaleAt, 4).getInt(0));
            long duration = wide ? read(channel, timescaleAt + 4, 8).getLong(0)
                    : Integer.toUnsignedLong(read(channel, timescaleAt + 4, 4).getInt(0));
            if (timescale == 0 || duration <= 0 || (!wide && duration == UNKNOWN_32)) {
                return null;
            }
            return (double) duration / timescale;
        } catch (IOException e) {
            return null;
        }
    }

    /** The payload range [start, end) of the first box of that type among the boxes in [from, to), else null. */
    private static long[] find(FileChannel channel, long from, long to, String type) throws IOException {
        long at = from;
        for (int boxes = 0; boxes < MAX_BOXES && at + BOX_HEADER <= to; boxes++) {
            ByteBuffer header = read(channel, at, BOX_HEADER);
            long size = Integer.toUnsignedLong(header.getInt(0));
            String name = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            long payload = at + BOX_HEADER;
            if (size == 1) {
                size = read(channel, payload, 8).getLong(0);
                payload += 8;
            } else if (size == 0) {
                size = to - at; // the box runs to the end of its parent
            }
            if (size < payload - at || size > to - at) {
                return null; // cut or corrupt: a claim read from a broken box is no claim
            }
            if (name.equals(type)) {
                return new long[] {payload, at + size};
            }
            at += size;
        }
        return null;
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("file ends inside a box at byte " + at);
            }
        }
        return buffer;
    }
}
