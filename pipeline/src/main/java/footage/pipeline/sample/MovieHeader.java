package footage.pipeline.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rewrites the duration in an MP4/MOV movie header (moov/mvhd) in place. FFmpeg's muxer states the length of the
 * longest track there, metadata tracks included; cameras state the recording's length.
 */
final class MovieHeader {

    private static final int BOX_HEADER = 8;

    private MovieHeader() {
    }

    static void setDuration(Path file, double seconds) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long[] moov = find(channel, 0, channel.size(), "moov");
            if (moov == null) {
                throw new IOException("no movie box (moov) in " + file);
            }
            long[] mvhd = find(channel, moov[0], moov[1], "mvhd");
            if (mvhd == null) {
                throw new IOException("no movie header (mvhd) in " + file);
            }
            ByteBuffer version = read(channel, mvhd[0], 1);
            boolean wide = version.get(0) == 1;
            // version 0: creation, modification, timescale, duration as 32 bits; version 1: 64-bit times
            long timescaleAt = mvhd[0] + 4 + (wide ? 16 : 8);
            long timescale = Integer.toUnsignedLong(read(channel, timescaleAt, 4).getInt(0));
            long duration = Math.round(seconds * timescale);
            ByteBuffer value = wide ? ByteBuffer.allocate(8).putLong(0, duration)
                    : ByteBuffer.allocate(4).putInt(0, (int) duration);
            channel.write(value, timescaleAt + 4);
        }
    }

    /** The payload range [start, end) of the first box of that type among the boxes in [from, to), else null. */
    private static long[] find(FileChannel channel, long from, long to, String type) throws IOException {
        long at = from;
        while (at + BOX_HEADER <= to) {
            ByteBuffer header = read(channel, at, BOX_HEADER);
            long size = Integer.toUnsignedLong(header.getInt(0));
            String name = new String(header.array(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long payload = at + BOX_HEADER;
            if (size == 1) {
                size = read(channel, payload, 8).getLong(0);
                payload += 8;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < payload - at || at + size > to) {
                throw new IOException("box '" + name + "' at byte " + at + " claims " + size
                        + " bytes, beyond its parent");
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
                throw new IOException("file ends inside a box header at byte " + at);
            }
        }
        return buffer;
    }
}
