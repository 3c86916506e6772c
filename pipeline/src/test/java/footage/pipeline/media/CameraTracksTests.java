package footage.pipeline.media;

import static footage.pipeline.sample.CameraFileSpec.SideTrack.gpmf;
import static footage.pipeline.sample.CameraFileSpec.SideTrack.klv;
import static footage.pipeline.sample.CameraFileSpec.SideTrack.timedText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.pipeline.sample.CameraFileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Camera files carry telemetry, timed-text, KLV and timecode tracks next to the picture and sound; truncation is
 * judged on the audio and video alone. Each file holds 6 s of audio and video (160x120, 10 fps).
 */
class CameraTracksTests {

    private static final VideoSpec SIX_SECONDS = VideoSpec.small(6, "2019-02-17T09:30:00Z");

    @TempDir
    static Path media;

    private final MediaProbe probe = new MediaProbe();

    @BeforeAll
    static void writeMedia() throws Exception {
        SampleDumpGenerator generator = new SampleDumpGenerator();
        // FFmpeg's muxer states the longest track of any kind (here the telemetry's 6.9 s) in the movie header
        generator.writeCameraFile(media.resolve("telemetry.mp4"), CameraFileSpec.of(SIX_SECONDS, "mp4", gpmf(6.9)));
        // as the action camera of issue 14: the movie header states the recording, telemetry runs 0.93 s longer
        generator.writeCameraFile(media.resolve("camera.mp4"),
                CameraFileSpec.of(SIX_SECONDS, "mp4", gpmf(6.93)).withMovieHeaderStating(6.0));
        generator.writeCameraFile(media.resolve("captions.mp4"), CameraFileSpec.of(SIX_SECONDS, "mp4", timedText(6.9)));
        generator.writeCameraFile(media.resolve("captions.mov"),
                CameraFileSpec.of(SIX_SECONDS, "mov", timedText(6.9)).withTimecode());
        generator.writeCameraFile(media.resolve("klv.ts"), CameraFileSpec.of(SIX_SECONDS, "mpegts", klv(6.9)));

        generator.writeCameraFile(media.resolve("telemetry-cut.mp4"),
                CameraFileSpec.of(SIX_SECONDS, "mp4", gpmf(6.9)).truncatedTo(0.5));
        generator.writeCameraFile(media.resolve("camera-cut.mp4"),
                CameraFileSpec.of(SIX_SECONDS, "mp4", gpmf(6.93)).withMovieHeaderStating(6.0).truncatedTo(0.5));
        generator.writeCameraFile(media.resolve("telemetry-short-video.mp4"),
                CameraFileSpec.of(SIX_SECONDS, "mp4", gpmf(6.9)).withVideoStoppingAt(3));
        generator.writeCameraFile(media.resolve("captions-cut.mov"),
                CameraFileSpec.of(SIX_SECONDS, "mov", timedText(6.9)).withTimecode().truncatedTo(0.5));
        generator.writeCameraFile(media.resolve("klv-short-video.ts"),
                CameraFileSpec.of(SIX_SECONDS, "mpegts", klv(6.9)).withVideoStoppingAt(3));
        // a header that promises more than any track holds
        generator.writeCameraFile(media.resolve("promised.mp4"),
                CameraFileSpec.of(SIX_SECONDS, "mp4").withMovieHeaderStating(10.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"telemetry.mp4", "camera.mp4", "captions.mp4", "captions.mov", "klv.ts"})
    void aMetadataTrackLongerThanTheAudioAndVideoIsNoTruncation(String name) {
        // given
        Path file = media.resolve(name);

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).as(result.error()).isTrue();
        assertThat(result.truncation()).isNull();
        assertThat(result.truncated()).isFalse();
        assertThat(result.streams()).hasSizeGreaterThan(2);
        assertThat(result.videoPacketCount()).isEqualTo(60);
        assertThat(result.durationSeconds()).as("the audio and video's length").isCloseTo(6.0, within(0.15));
        assertThat(result.mediaSeconds()).isCloseTo(6.0, within(0.15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"telemetry-cut.mp4", "camera-cut.mp4", "telemetry-short-video.mp4", "captions-cut.mov",
            "klv-short-video.ts"})
    void theSameFilesWithTheVideoCutShortAreTruncated(String name) {
        // given
        Path file = media.resolve(name);

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).as(result.error()).isTrue();
        assertThat(result.truncated()).isTrue();
        assertThat(result.truncation())
                .matches("packets end at \\d\\.\\d\\d s but the container states 6\\.(00|14) s .*");
        assertThat(result.durationSeconds()).isCloseTo(6.0, within(0.15));
        assertThat(result.mediaSeconds()).isLessThan(4.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"telemetry.mp4", "captions.mov", "klv.ts"})
    void tagsEveryStreamAsFfprobeOfTheSameBuildDoes(String name) throws Exception {
        // given
        Path file = media.resolve(name);
        JsonNode expected = Json.MAPPER.readTree(FfmpegBinaries.run(FfmpegBinaries.ffprobe(), "-v", "error",
                "-show_streams", "-of", "json", file.toString())).path("streams");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.streams()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            String tag = expected.get(i).path("codec_tag_string").asText();
            assertThat(result.streams().get(i).codecTag()).isEqualTo("[0][0][0][0]".equals(tag) ? null : tag);
            // ffprobe leaves out the name of a stream without a codec (a timecode track); we say "none"
            assertThat(result.streams().get(i).codec()).isEqualTo(expected.get(i).path("codec_name").asText("none"));
        }
    }

    @Test
    void reportsTheMovieHeadersDurationNotTheTelemetrys() {
        // given: mvhd says 6.0 s; FFmpeg's format duration (and the bundled ffprobe's) is 6.93 s: the mov demuxer of
        // this build takes it from the streams, where a data track ending less than 1 s after the video counts
        Path file = media.resolve("camera.mp4");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.durationSeconds()).isEqualTo(6.0);
        assertThat(result.streams()).extracting(StreamInfo::type, StreamInfo::codec, StreamInfo::codecTag)
                .containsExactly(
                        tuple("video", "h264", "avc1"),
                        tuple("audio", "aac", "mp4a"),
                        tuple("data", "bin_data", "gpmd"));
    }

    @Test
    void judgesAgainstAMovieHeaderThatStatesMoreThanTheTracksHold() {
        // given: FFmpeg itself ignores mvhd and gives the tracks' 6 s (ffprobe says 6.000000)
        Path file = media.resolve("promised.mp4");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.durationSeconds()).isEqualTo(10.0);
        assertThat(result.truncated()).isTrue();
        assertThat(result.truncation())
                .isEqualTo("packets end at 6.00 s but the container states 10.00 s (4.00 s missing)");
    }

    @Test
    void listsTimedTextAndTimecodeTracksWithTheirTags() {
        // given
        Path file = media.resolve("captions.mov");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.streams()).extracting(StreamInfo::type, StreamInfo::codec, StreamInfo::codecTag)
                .containsExactly(
                        tuple("video", "h264", "avc1"),
                        tuple("audio", "aac", "mp4a"),
                        tuple("subtitle", "mov_text", "text"),
                        tuple("data", "none", "tmcd"));
    }

    @Test
    void givesMpegTsStreamsTheirTagsAndTheAudioAndVideosDuration() {
        // given: FFmpeg's format duration for this file is 6.9 s, the KLV track's end
        Path file = media.resolve("klv.ts");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.durationSeconds()).as("the AAC track's end").isCloseTo(6.144, within(0.001));
        assertThat(result.streams()).extracting(StreamInfo::type, StreamInfo::codec, StreamInfo::codecTag)
                .containsExactly(
                        tuple("video", "h264", "[27][0][0][0]"),
                        tuple("audio", "aac", "[15][0][0][0]"),
                        tuple("data", "klv", "KLVA"));
    }
}
