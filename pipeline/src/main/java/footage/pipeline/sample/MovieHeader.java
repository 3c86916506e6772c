package footage.pipeline.sample;

import footage.pipeline.media.MovieHeaderBox;

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

    private MovieHeader() {
    }

    static void setDuration(Path file, double seconds) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MovieHeaderBox.DurationField field = MovieHeaderBox.durationField(channel);
            if (field == null) {
                throw new IOException("no usable movie header (moov/mvhd) in " + file);
            }
            ByteBuffer scale = ByteBuffer.allocate(4);
            while (scale.hasRemaining()) {
                if (channel.read(scale, field.timescaleAt() + scale.position()) < 0) {
                    throw new IOException("file ends inside the movie header of " + file);
                }
            }
            long duration = Math.round(seconds * Integer.toUnsignedLong(scale.getInt(0)));
            ByteBuffer value = field.wide() ? ByteBuffer.allocate(8).putLong(0, duration)
                    : ByteBuffer.allocate(4).putInt(0, (int) duration);
            channel.write(value, field.timescaleAt() + 4);
        }
    }
}
