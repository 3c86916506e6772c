package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MPEG-TS scan read by Java gives libavformat's results exactly, on files the bundled ffmpeg makes, and hands
 * anything it does not understand to libavformat.
 */
class TransportStreamScanTests {

    @TempDir
    static Path media;

    /** 12 s of H.264 (x264, B-frames) and AAC at 25 fps, as a recorder's MPEG-TS. */
    private static Path plain;

    private final MediaProbe libavformat = new MediaProbe(false, reader -> { });
    private final List<String> readers = new ArrayList<>();
    private final MediaProbe direct = new MediaProbe(true, readers::add);

    @BeforeAll
    static void makeSource() throws Exception {
        plain = ffmpeg("plain.ts", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "12",
                "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-c:a", "aac", "-b:a", "64k");
    }

    @Test
    void h264AndAacAreReadAsLibavformatReadsThem() {
        // given the plain recording
        // when
        ProbeResult ours = direct.probe(plain);
        ProbeResult theirs = libavformat.probe(plain);

        // then every packet of both streams is counted (the AAC frames one by one) with the same timestamps
        assertThat(readers).containsExactly("transport stream");
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.videoPacketCount()).isEqualTo(300);
        assertThat(ours.packetCount()).isGreaterThan(300 + 500);
        assertThat(ours.truncated()).isFalse();
    }

    @Test
    void aTimestampJumpIsTheSameJump() throws Exception {
        // given video whose timestamps jump 5 s forward at frame 75, without B-frames, the sound unbroken
        Path file = ffmpeg("jump.ts", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=8",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=8",
                "-vf", "setpts=PTS+gte(N\\,75)*5/TB", "-fps_mode", "passthrough",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");

        // when
        ProbeResult ours = direct.probe(file);
        ProbeResult theirs = libavformat.probe(file);

        // then
        assertThat(readers).containsExactly("transport stream");
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.jumps()).hasSize(1);
        assertThat(ours.jumps().get(0).seconds()).isGreaterThan(5);
    }

    @Test
    void timestampsThatWrapThe33BitClockAreUnwrappedAsLibavformatDoes() throws Exception {
        // given 12 s starting 2.6 s before the 90 kHz clock wraps (2^33 ticks = 95,443.7 s): libavformat shifts the
        // timestamps before the wrap below zero
        Path file = ffmpeg("wrap.ts", "-i", plain.toString(), "-c", "copy", "-output_ts_offset", "95439.7");

        // when
        ProbeResult ours = direct.probe(file);
        ProbeResult theirs = libavformat.probe(file);

        // then
        assertThat(readers).containsExactly("transport stream");
        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.jumps()).isEmpty();
        assertThat(ours.firstVideoTimestamp()).isLessThan(-2);
        assertThat(ours.lastVideoTimestamp()).isGreaterThan(9);
    }

    @Test
    void aFileCutInsideItsLastPacketIsReadAsFarAsItGoes() throws Exception {
        // given the recording cut 1000 bytes past a packet boundary near its middle, and one cut on a boundary
        long size = Files.size(plain);
        Path ragged = copy(plain, "ragged.ts", size / 2 / 188 * 188 + 1000);
        Path aligned = copy(plain, "aligned.ts", size / 3 / 188 * 188);

        // when
        ProbeResult raggedOurs = direct.probe(ragged);
        ProbeResult alignedOurs = direct.probe(aligned);

        // then
        assertThat(readers).containsExactly("transport stream", "transport stream");
        assertThat(raggedOurs).isEqualTo(libavformat.probe(ragged));
        assertThat(alignedOurs).isEqualTo(libavformat.probe(aligned));
        assertThat(raggedOurs.videoPacketCount()).isBetween(100L, 200L);
        assertThat(alignedOurs.videoPacketCount()).isBetween(50L, 150L);
    }

    @Test
    void garbageInTheMiddleGoesToLibavformatWithTheSameResult() throws Exception {
        // given the recording with 1000 random bytes written over its middle
        Path file = copy(plain, "garbage.ts", Files.size(plain));
        byte[] noise = new byte[1000];
        new Random(7).nextBytes(noise);
        overwrite(file, Files.size(file) / 2, noise);

        // when
        ProbeResult ours = direct.probe(file);

        // then
        assertThat(readers).hasSize(1);
        assertThat(readers.get(0)).startsWith("libavformat: ");
        assertThat(ours).isEqualTo(libavformat.probe(file));
    }

    @Test
    void zeroedPacketsAndAScrambledOneGoToLibavformatWithTheSameResult() throws Exception {
        // given one copy with 64 KiB of zero bytes in its middle, one with a packet marked scrambled
        Path zeroed = copy(plain, "zeroed.ts", Files.size(plain));
        overwrite(zeroed, Files.size(zeroed) / 2 / 188 * 188, new byte[65_536]);
        Path scrambled = copy(plain, "scrambled.ts", Files.size(plain));
        long packet = Files.size(scrambled) / 2 / 188 * 188;
        byte[] header = readAt(scrambled, packet, 4);
        header[3] = (byte) (header[3] | 0x80);
        overwrite(scrambled, packet, header);

        // when
        ProbeResult zeroedOurs = direct.probe(zeroed);
        ProbeResult scrambledOurs = direct.probe(scrambled);

        // then
        assertThat(readers).hasSize(2).allMatch(r -> r.startsWith("libavformat: "));
        assertThat(zeroedOurs).isEqualTo(libavformat.probe(zeroed));
        assertThat(scrambledOurs).isEqualTo(libavformat.probe(scrambled));
    }

    @Test
    void soundAloneGoesToLibavformat() throws Exception {
        // given an MPEG-TS with AAC and no video: its end is measured on the audio packets, which the scan does not time
        Path file = ffmpeg("sound.ts", "-i", plain.toString(), "-map", "0:a", "-c", "copy");

        // when
        ProbeResult ours = direct.probe(file);

        // then
        assertThat(readers).containsExactly("libavformat: no video stream");
        assertThat(ours).isEqualTo(libavformat.probe(file));
        assertThat(ours.kind()).isEqualTo(RecordingKind.AUDIO);
    }

    @Test
    void randomBytesAndZeroBytesNamedTsAreUnreadableAsBefore() throws Exception {
        // given
        byte[] noise = new byte[188 * 1000];
        new Random(11).nextBytes(noise);
        Path random = Files.write(media.resolve("random.ts"), noise);
        Path zeros = Files.write(media.resolve("zeros.ts"), new byte[188 * 1000]);

        // when
        ProbeResult randomOurs = direct.probe(random);
        ProbeResult zerosOurs = direct.probe(zeros);

        // then
        assertThat(randomOurs).isEqualTo(libavformat.probe(random));
        assertThat(zerosOurs).isEqualTo(libavformat.probe(zeros));
        assertThat(randomOurs.readable()).isFalse();
        assertThat(zerosOurs.readable()).isFalse();
    }

    private static Path ffmpeg(String name, String... args) throws IOException, InterruptedException {
        Path out = media.resolve(name);
        List<String> all = new ArrayList<>(List.of("-v", "error", "-y"));
        all.addAll(List.of(args));
        all.addAll(List.of("-f", "mpegts", out.toString()));
        FfmpegBinaries.run(FfmpegBinaries.ffmpeg(), all.toArray(String[]::new));
        return out;
    }

    private static Path copy(Path source, String name, long bytes) throws IOException {
        byte[] all = Files.readAllBytes(source);
        return Files.write(media.resolve(name), java.util.Arrays.copyOf(all, (int) bytes));
    }

    private static void overwrite(Path file, long at, byte[] bytes) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes), at);
        }
    }

    private static byte[] readAt(Path file, long at, int length) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
            channel.read(buffer, at);
            return buffer.array();
        }
    }
}
