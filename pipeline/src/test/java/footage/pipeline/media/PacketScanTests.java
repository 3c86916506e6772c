package footage.pipeline.media;

import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Timestamp discontinuities and truncation from one pass over the packets (or the MP4 index). */
class PacketScanTests {

    @TempDir
    Path media;

    private final SampleDumpGenerator generator = new SampleDumpGenerator();
    private final MediaProbe probe = new MediaProbe();

    @Test
    void mp4IsScannedFromItsIndexAndAForwardJumpIsFound() throws Exception {
        // given 6 s of video whose timestamps jump 5 s forward at 3 s
        Path file = media.resolve("jump.mp4");
        generator.writeVideo(file, VideoSpec.small(6, null).withoutAudio().withJump(3, 5));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.scan()).isEqualTo("index");
        assertThat(result.jumps()).hasSize(1);
        assertThat(result.jumps().get(0).fromSeconds()).isCloseTo(2.9, within(0.01));
        assertThat(result.jumps().get(0).toSeconds()).isCloseTo(8.0, within(0.01));
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void mpegTsIsScannedPacketByPacketAndTheSameJumpIsFound() throws Exception {
        // given
        Path file = media.resolve("jump.ts");
        generator.writeVideo(file, VideoSpec.small(6, null).withoutAudio().asMpegTs().withJump(3, 5));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.scan()).isEqualTo("packets");
        assertThat(result.jumps()).hasSize(1);
        assertThat(result.jumps().get(0).seconds()).isCloseTo(5.1, within(0.01));
    }

    @Test
    void regularFrameStepsAreNoJumps() throws Exception {
        // given a frame interval of 0.1 s: steps up to max(1 s, 0.3 s) are normal
        Path file = media.resolve("plain.mp4");
        generator.writeVideo(file, VideoSpec.small(4, null));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.jumps()).isEmpty();
        assertThat(result.mediaSeconds()).isCloseTo(4.0, within(0.05));
    }

    @Test
    void truncatedMp4IsFoundFromTheIndexWithoutReadingPacketData() throws Exception {
        // given
        Path file = media.resolve("cut.mp4");
        generator.writeVideo(file, VideoSpec.small(6, null).truncatedTo(0.5));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.scan()).isEqualTo("index");
        assertThat(result.truncated()).isTrue();
        assertThat(result.mediaSeconds()).isLessThan(result.durationSeconds() - 1);
    }
}
