package footage.pipeline.sample;

import static footage.pipeline.sample.CameraFileSpec.SideTrack.gpmf;
import static footage.pipeline.sample.CameraFileSpec.SideTrack.klv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraFileSpecTests {

    private static final VideoSpec TWO_SECONDS = VideoSpec.small(2, "2019-02-17T09:30:00Z");

    @TempDir
    Path dir;

    @Test
    void writesByteIdenticalCameraFilesForTheSameSpecAndLeavesNoSourceBehind() throws Exception {
        // given
        CameraFileSpec spec = CameraFileSpec.of(TWO_SECONDS, CameraFileSpec.MP4, gpmf(2.5)).withMovieHeaderStating(2.0);
        SampleDumpGenerator generator = new SampleDumpGenerator();

        // when
        generator.writeCameraFile(dir.resolve("a.mp4"), spec);
        generator.writeCameraFile(dir.resolve("b.mp4"), spec);

        // then
        assertThat(sha256(dir.resolve("a.mp4"))).isEqualTo(sha256(dir.resolve("b.mp4")));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.mp4", "b.mp4");
        }
    }

    @Test
    void refusesTracksAndHeadersTheContainerCannotHold() {
        // given / when / then
        assertThatThrownBy(() -> CameraFileSpec.of(TWO_SECONDS, CameraFileSpec.MP4, klv(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a KLV track cannot be written to mp4");
        assertThatThrownBy(() -> CameraFileSpec.of(TWO_SECONDS, CameraFileSpec.MPEG_TS, gpmf(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a GPMF track cannot be written to mpegts");
        assertThatThrownBy(() -> CameraFileSpec.of(TWO_SECONDS, CameraFileSpec.MPEG_TS).withMovieHeaderStating(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timecode tracks and movie headers exist in mp4/mov only, not in mpegts");
        assertThatThrownBy(() -> CameraFileSpec.of(TWO_SECONDS, "avi"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("format must be one of");
        assertThatThrownBy(() -> CameraFileSpec.of(TWO_SECONDS, CameraFileSpec.MOV).withVideoStoppingAt(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("videoSeconds must be 0 (whole) or less than the recording's 2.0 s but was 2.0");
    }

    private static String sha256(Path file) throws Exception {
        return DigestUtils.sha256Hex(Files.readAllBytes(file));
    }
}
