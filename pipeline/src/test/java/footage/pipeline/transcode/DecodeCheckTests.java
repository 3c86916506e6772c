package footage.pipeline.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import footage.pipeline.archive.DurableFiles;
import footage.pipeline.media.FfmpegBinaries;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decode check on real files made by the project's generator, some with 30 % of their middle overwritten, each
 * compared with what {@code ffmpeg -v error -i F -f null -} of the same FFmpeg build reports.
 */
class DecodeCheckTests {

    @TempDir
    Path dir;

    private final SampleDumpGenerator generator = new SampleDumpGenerator();
    private final DecodeCheck check = new DecodeCheck();

    /** 8 s of 320x240 at 25 fps with AAC, index at the end as a recorder writes it. */
    private Path recording(String name) throws IOException {
        Path file = dir.resolve(name);
        generator.writeVideo(file, new VideoSpec(320, 240, 25, 8, true, "2019-02-17T09:30:00Z", VideoSpec.MP4, false, 1.0));
        return file;
    }

    /** What {@code ffmpeg -v error -i F -f null -} prints: all its lines, and those that each stand for a refused packet. */
    private record FfmpegErrors(long lines, long refusedPackets) {
    }

    private static FfmpegErrors ffmpeg(Path file) throws IOException, InterruptedException {
        Process p = FfmpegBinaries.command(FfmpegBinaries.ffmpeg(), "-nostdin", "-v", "error", "-i", file.toString(),
                "-f", "null", "-").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String errors = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        return new FfmpegErrors(errors.lines().count(),
                errors.lines().filter(l -> l.contains("Error submitting packet") || l.contains("Decoding error")).count());
    }

    @Test
    void aCleanRecordingHasNoDecodeErrors() throws Exception {
        // given
        Path file = recording("clean.mp4");

        // when
        DecodeReport report = check.check(file, null);

        // then every frame of both streams was decoded, without an error, as ffmpeg finds
        assertThat(ffmpeg(file).lines()).isZero();
        assertThat(report.clean()).isTrue();
        assertThat(report.errors()).isZero();
        assertThat(report.positions()).isEmpty();
        assertThat(report.summary()).isNull();
        assertThat(report.videoFrames()).isEqualTo(200);
        assertThat(report.audioFrames()).isGreaterThan(30);
    }

    @Test
    void aRecordingOverwrittenInItsMiddleHasDecodeErrorsThereAndTheFileIsNotChanged() throws Exception {
        // given 30 % of the bytes around the middle overwritten: the index still points into them
        Path file = recording("damaged.mp4");
        SampleDumpGenerator.overwriteMiddle(file, 0.3, 14);
        String sha = DurableFiles.sha256(file);
        FfmpegErrors ffmpeg = ffmpeg(file);

        // when
        DecodeReport report = check.check(file, null);

        // then the errors are counted where they are: in the middle 30 % (give or take a second), not at the ends
        assertThat(report.errors()).isGreaterThan(10);
        assertThat(report.firstSeconds()).isBetween(1.5, 4.0);
        assertThat(report.lastSeconds()).isBetween(4.0, 6.5).isGreaterThan(report.firstSeconds());
        assertThat(report.positions()).hasSize((int) Math.min(report.errors(), DecodeErrors.MAX_POSITIONS))
                .allSatisfy(at -> assertThat(at).isBetween(report.firstSeconds(), report.lastSeconds()));
        assertThat(report.summary()).isEqualTo(String.format(java.util.Locale.ROOT,
                "%d decode errors between %.2f s and %.2f s", report.errors(), report.firstSeconds(), report.lastSeconds()));
        assertThat(report.firstError()).contains("at ");
        // and the count is of the order of ffmpeg's: at least the packets it says it could not decode, at most its lines
        assertThat(ffmpeg.refusedPackets()).isGreaterThan(10);
        assertThat(report.errors()).isBetween(ffmpeg.refusedPackets() * 4 / 5, ffmpeg.lines());
        // and the evidence is as it was
        assertThat(DurableFiles.sha256(file)).isEqualTo(sha);
    }

    @Test
    void damageTheDecoderConcealsIsCountedFromTheFramesItFlags() throws Exception {
        // given one byte in every 997 of the middle 30 % flipped: the packets stay well-formed, so H.264 conceals the
        // broken macroblocks and returns success, only logging them ("error while decoding MB", "concealing")
        Path file = recording("flipped.mp4");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            long size = channel.size();
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            for (long at = (long) (size * 0.35); at < size * 0.65; at += 997) {
                one.clear();
                channel.read(one, at);
                one.put(0, (byte) (one.get(0) ^ 0x5a)).rewind();
                channel.write(one, at);
            }
        }
        FfmpegErrors ffmpeg = ffmpeg(file);

        // when
        DecodeReport report = check.check(file, null);

        // then more is counted than the packets refused: the frames flagged corrupt or with decode_error_flags, which
        // are what ffmpeg's other lines are about; nearly every video frame still came out (concealed)
        assertThat(ffmpeg.lines()).isGreaterThan(ffmpeg.refusedPackets());
        assertThat(report.errors()).isGreaterThan(ffmpeg.refusedPackets()).isBetween(ffmpeg.lines() / 2, ffmpeg.lines() * 2);
        assertThat(report.videoFrames()).isBetween(190L, 200L);
        assertThat(report.firstSeconds()).isBetween(1.5, 4.0);
        assertThat(report.lastSeconds()).isBetween(4.0, 6.5);
    }

    @Test
    void anEncodeDecodesEveryPacketAndReportsTheSameErrorsAsTheCheck() throws Exception {
        // given
        Path file = recording("damaged.mp4");
        SampleDumpGenerator.overwriteMiddle(file, 0.3, 14);
        DecodeReport alone = check.check(file, null);

        // when the always-encoding proxy profile transcodes it
        TranscodeResult result = new Transcoder().transcode(file, TranscoderTests.profile("proxy-360p"),
                dir.resolve("proxy.mp4"), null);

        // then it reports the decode check it did on the way, as the check alone finds it
        DecodeReport onTheWay = result.decodeCheck();
        assertThat(onTheWay).isNotNull();
        assertThat(onTheWay.errors()).isGreaterThan(10);
        assertThat(onTheWay.firstSeconds()).isBetween(alone.firstSeconds() - 0.5, alone.firstSeconds() + 0.5);
        assertThat(onTheWay.lastSeconds()).isBetween(alone.lastSeconds() - 0.5, alone.lastSeconds() + 0.5);
        assertThat(onTheWay.errors()).isBetween(alone.errors() * 2 / 3, alone.errors() * 3 / 2);
    }

    @Test
    void anEncodeOfACleanRecordingReportsNoErrorsAndACopyReportsNoCheck() throws Exception {
        // given
        Path file = recording("clean.mp4");

        // when
        TranscodeResult encoded = new Transcoder().transcode(file, TranscoderTests.profile("proxy-360p"),
                dir.resolve("proxy.mp4"), null);
        TranscodeResult thumbnail = new Transcoder().transcode(file, TranscoderTests.profile("thumbnail"),
                dir.resolve("thumbnail.jpg"), null);

        // then
        assertThat(encoded.decodeCheck()).isNotNull();
        assertThat(encoded.decodeCheck().errors()).isZero();
        assertThat(encoded.decodeCheck().videoFrames()).isEqualTo(200);
        assertThat(thumbnail.decodeCheck()).as("a thumbnail decodes one picture: no check").isNull();
    }

    @Test
    void aFileThatIsNotMediaIsUnusableWithFfmpegsReason() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("notes.mp4"), "not a recording");

        // when / then
        assertThatThrownBy(() -> check.check(file, null)).isInstanceOf(SourceUnusableException.class)
                .hasMessageStartingWith("FFmpeg cannot open it");
    }
}
