package footage.pipeline.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import tools.jackson.databind.JsonNode;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.PhotoSpec;
import footage.pipeline.sample.RecorderSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each derivative kind on a real, tiny source made by the project's generator, checked with the FFmpeg build's own
 * ffprobe: codec, size, faststart (moov before mdat), duration within 0.1 s of the original's, audio when the
 * original has it.
 */
class TranscoderTests {

    static final Profiles SHIPPED = Profiles.load(Path.of("..", "ffmpeg-profiles"));

    @TempDir
    Path dir;

    private final SampleDumpGenerator generator = new SampleDumpGenerator();
    private final Transcoder transcoder = new Transcoder();

    static Profile profile(String name) {
        return SHIPPED.get(name).orElseThrow();
    }

    /** 320x240 at 10 fps with AAC, index at the end (as a recorder writes it): nothing a proxy could copy. */
    static VideoSpec recording(double seconds) {
        return new VideoSpec(320, 240, 10, seconds, true, "2019-02-17T09:30:00Z", VideoSpec.MP4, false, 1.0);
    }

    private Path source(String name, VideoSpec spec) throws IOException {
        Path file = dir.resolve(name);
        generator.writeVideo(file, spec);
        return file;
    }

    @Test
    void encodesAProxyWithTheProfilesCodecsFaststartAndTheOriginalsDuration() throws Exception {
        // given a 640x480 recording, larger than proxy-360p allows
        Path original = source("original.mp4", recording(2).withSize(640, 480));
        String originalSha = DurableFiles.sha256(original);
        Path proxy = dir.resolve("proxy.mp4");

        // when
        TranscodeResult result = transcoder.transcode(original, profile("proxy-360p"), proxy, null);

        // then ffprobe sees H.264 at 360 lines (aspect kept) and AAC, index first, the whole duration
        JsonNode probe = Ffprobe.probe(proxy);
        JsonNode video = Ffprobe.stream(probe, "video");
        assertThat(video.get("codec_name").asText()).isEqualTo("h264");
        assertThat(video.get("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(video.get("height").asInt()).isEqualTo(360);
        assertThat(video.get("width").asInt()).isEqualTo(480);
        assertThat(Ffprobe.stream(probe, "audio").get("codec_name").asText()).isEqualTo("aac");
        assertThat(Ffprobe.duration(probe)).isCloseTo(2.0, within(0.1));
        List<String> boxes = Ffprobe.topLevelBoxes(proxy);
        assertThat(boxes.indexOf("moov")).as("moov before mdat: %s", boxes).isLessThan(boxes.indexOf("mdat"));
        assertThat(Ffprobe.decodeErrors(proxy)).isEmpty();
        assertThat(result.method()).isEqualTo(TranscodeMethod.ENCODE);
        assertThat(result.decodedFrames()).isEqualTo(20);
        assertThat(result.audio()).isTrue();
        assertThat(result.partial()).isFalse();
        assertThat(result.videoFilter()).isEqualTo("scale=w=-2:h='trunc(min(ih,360)/2)*2',format=yuv420p");
        // and the original is as it was
        assertThat(DurableFiles.sha256(original)).isEqualTo(originalSha);
    }

    @Test
    void copiesInsteadOfEncodingWhenTheSourceAlreadyMatchesTheProfile() throws Exception {
        // given a recording that already is H.264 4:2:0 + AAC, 240 lines, 10 fps: what proxy-720p would make
        Path original = source("small.mp4", recording(2));
        Path proxy = dir.resolve("proxy.mp4");

        // when
        TranscodeResult result = transcoder.transcode(original, profile("proxy-720p"), proxy, null);

        // then the packets were copied (nothing decoded) into an MP4 with its index first
        assertThat(result.method()).isEqualTo(TranscodeMethod.REMUX);
        assertThat(result.decodedFrames()).isZero();
        assertThat(result.videoFrames()).isEqualTo(20);
        JsonNode probe = Ffprobe.probe(proxy);
        assertThat(Ffprobe.stream(probe, "video").get("height").asInt()).isEqualTo(240);
        assertThat(Ffprobe.stream(probe, "audio").get("codec_name").asText()).isEqualTo("aac");
        assertThat(Ffprobe.duration(probe)).isCloseTo(2.0, within(0.1));
        List<String> boxes = Ffprobe.topLevelBoxes(proxy);
        assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
    }

    @Test
    void remuxesAnMpegTsRecordingByPacketCopyIntoAPlayableMp4() throws Exception {
        // given H.264/AAC in MPEG-TS
        Path original = source("original.ts", recording(2).asMpegTs());
        String originalSha = DurableFiles.sha256(original);
        Path remuxed = dir.resolve("remuxed.mp4");

        // when
        TranscodeResult result = transcoder.transcode(original, profile("remux-mp4"), remuxed, null);

        // then it took the packet-copy path and the MP4 plays cleanly with both streams
        assertThat(result.method()).isEqualTo(TranscodeMethod.REMUX);
        assertThat(result.decodedFrames()).isZero();
        assertThat(result.videoFrames()).isEqualTo(20);
        assertThat(result.videoFilter()).isNull();
        JsonNode probe = Ffprobe.probe(remuxed);
        assertThat(probe.get("format").get("format_name").asText()).contains("mp4");
        assertThat(Ffprobe.stream(probe, "video").get("codec_name").asText()).isEqualTo("h264");
        assertThat(Ffprobe.stream(probe, "audio").get("codec_name").asText()).isEqualTo("aac");
        assertThat(Ffprobe.duration(probe)).isCloseTo(Ffprobe.duration(Ffprobe.probe(original)), within(0.1));
        List<String> boxes = Ffprobe.topLevelBoxes(remuxed);
        assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
        assertThat(Ffprobe.decodeErrors(remuxed)).isEmpty();
        assertThat(DurableFiles.sha256(original)).isEqualTo(originalSha);
    }

    @Test
    void standsARotatedRecordingUprightInTheProxy() throws Exception {
        // given a recording a player turns 90 degrees clockwise (display matrix)
        Path original = source("rotated.mp4", recording(1).rotatedBy(90));
        assertThat(Ffprobe.stream(Ffprobe.probe(original), "video").toString()).contains("rotation");
        Path proxy = dir.resolve("proxy.mp4");

        // when
        TranscodeResult result = transcoder.transcode(original, profile("proxy-720p"), proxy, null);

        // then it was encoded (a copy would keep it on its side for players that ignore the matrix) upright
        assertThat(result.method()).isEqualTo(TranscodeMethod.ENCODE);
        assertThat(result.videoFilter()).startsWith("transpose=clock,");
        JsonNode video = Ffprobe.stream(Ffprobe.probe(proxy), "video");
        assertThat(video.get("width").asInt()).isEqualTo(240);
        assertThat(video.get("height").asInt()).isEqualTo(320);
        assertThat(video.toString()).doesNotContain("rotation");
        // and so is its poster, which has no display matrix to turn it
        transcoder.transcode(original, profile("thumbnail"), dir.resolve("poster.jpg"), null);
        JsonNode picture = Ffprobe.stream(Ffprobe.probe(dir.resolve("poster.jpg")), "video");
        assertThat(picture.get("width").asInt()).isEqualTo(240);
        assertThat(picture.get("height").asInt()).isEqualTo(320);
    }

    @Test
    void deinterlacesAnInterlacedRecording() throws Exception {
        // given
        Path original = source("interlaced.mp4", recording(1).asInterlaced());
        Path proxy = dir.resolve("proxy.mp4");

        // when
        TranscodeResult result = transcoder.transcode(original, profile("proxy-720p"), proxy, null);

        // then
        assertThat(result.method()).isEqualTo(TranscodeMethod.ENCODE);
        assertThat(result.videoFilter()).startsWith("yadif=");
        JsonNode video = Ffprobe.stream(Ffprobe.probe(proxy), "video");
        assertThat(video.path("field_order").asText("progressive")).isEqualTo("progressive");
        assertThat(video.get("height").asInt()).isEqualTo(240);
        assertThat(Ffprobe.decodeErrors(proxy)).isEmpty();
    }

    @Test
    void givesAnOddSizedRecordingAnEvenSizedFourTwoZeroProxy() throws Exception {
        // given 161x121, which H.264 can only hold in 4:4:4
        Path original = source("odd.mp4", recording(1).withSize(161, 121));
        assertThat(Ffprobe.stream(Ffprobe.probe(original), "video").get("pix_fmt").asText()).isEqualTo("yuv444p");
        Path proxy = dir.resolve("proxy.mp4");

        // when
        transcoder.transcode(original, profile("proxy-720p"), proxy, null);

        // then
        JsonNode video = Ffprobe.stream(Ffprobe.probe(proxy), "video");
        assertThat(video.get("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(video.get("width").asInt()).isEqualTo(160);
        assertThat(video.get("height").asInt()).isEqualTo(120);
    }

    @Test
    void makesAProxyWithoutAudioOfARecordingWithoutAudio() throws Exception {
        // given
        Path original = source("silent.mp4", recording(1).withoutAudio());
        Path proxy = dir.resolve("proxy.mp4");

        // when
        TranscodeResult result = transcoder.transcode(original, profile("proxy-360p"), proxy, null);

        // then
        JsonNode probe = Ffprobe.probe(proxy);
        assertThat(Ffprobe.stream(probe, "audio")).isNull();
        assertThat(Ffprobe.stream(probe, "video").get("codec_name").asText()).isEqualTo("h264");
        assertThat(result.audio()).isFalse();
        assertThat(Ffprobe.duration(probe)).isCloseTo(1.0, within(0.1));
    }

    @Test
    void writesAPosterJpegAtTheProfilesOffsetOrTheMiddleOfAShorterRecording() throws Exception {
        // given
        Path longer = source("three.mp4", recording(3).withSize(640, 480));
        Path shorter = source("one.mp4", recording(1));

        // when
        TranscodeResult atOffset = transcoder.transcode(longer, profile("thumbnail"), dir.resolve("a.jpg"), null);
        TranscodeResult middle = transcoder.transcode(shorter, profile("thumbnail"), dir.resolve("b.jpg"), null);

        // then
        JsonNode picture = Ffprobe.stream(Ffprobe.probe(dir.resolve("a.jpg")), "video");
        assertThat(picture.get("codec_name").asText()).isEqualTo("mjpeg");
        assertThat(picture.get("height").asInt()).isEqualTo(360);
        assertThat(picture.get("width").asInt()).isEqualTo(480);
        assertThat(atOffset.method()).isEqualTo(TranscodeMethod.THUMBNAIL);
        assertThat(atOffset.outputSeconds()).isCloseTo(2.0, within(0.01));
        assertThat(middle.outputSeconds()).isCloseTo(0.5, within(0.01));
        assertThat(Ffprobe.stream(Ffprobe.probe(dir.resolve("b.jpg")), "video").get("height").asInt()).isEqualTo(240);
    }

    @Test
    void makesAMonoAacListeningCopyOfAnAudioRecording() throws Exception {
        // given: an AMR-NB recording, as Chinese recorders write them, and a WAV
        Path amr = dir.resolve("REC0001.amr");
        generator.writeRecorderFile(amr, RecorderSpec.audio("amr", 4));
        Path wav = dir.resolve("REC0002.wav");
        generator.writeRecorderFile(wav, RecorderSpec.audio("wav", 3));

        // when
        TranscodeResult fromAmr = transcoder.transcode(amr, profile("audio-proxy"), dir.resolve("a.m4a"), null);
        TranscodeResult fromWav = transcoder.transcode(wav, profile("audio-proxy"), dir.resolve("b.m4a"), null);

        // then
        JsonNode probe = Ffprobe.probe(dir.resolve("a.m4a"));
        JsonNode sound = Ffprobe.stream(probe, "audio");
        assertThat(sound.get("codec_name").asText()).isEqualTo("aac");
        assertThat(sound.get("channels").asInt()).isEqualTo(1);
        assertThat(Ffprobe.stream(probe, "video")).isNull();
        assertThat(Ffprobe.duration(probe)).isCloseTo(4.0, within(0.2));
        assertThat(Ffprobe.topLevelBoxes(dir.resolve("a.m4a"))).containsSubsequence("moov", "mdat");
        assertThat(fromAmr.method()).isEqualTo(TranscodeMethod.ENCODE);
        assertThat(fromAmr.partial()).isFalse();
        assertThat(fromWav.outputSeconds()).isCloseTo(3.0, within(0.1));
        assertThat(Ffprobe.duration(Ffprobe.probe(dir.resolve("b.m4a")))).isCloseTo(3.0, within(0.1));
    }

    @Test
    void encodesAProxyOfAnAviWhoseSoundOnlyCountsItsChannels() throws Exception {
        // given: MPEG-4 video with PCM sound in AVI, as older cameras write it; the PCM stream names no channel layout
        Path avi = dir.resolve("MOVI0001.AVI");
        generator.writeRecorderFile(avi, RecorderSpec.avi(2, true));

        // when
        TranscodeResult result = transcoder.transcode(avi, profile("proxy-360p"), dir.resolve("avi.mp4"), null);

        // then
        JsonNode probe = Ffprobe.probe(dir.resolve("avi.mp4"));
        assertThat(Ffprobe.stream(probe, "audio").get("codec_name").asText()).isEqualTo("aac");
        assertThat(Ffprobe.stream(probe, "video").get("codec_name").asText()).isEqualTo("h264");
        assertThat(result.audio()).isTrue();
        assertThat(result.partial()).isFalse();
    }

    @Test
    void refusesAnAudioCopyOfASourceWithoutSound() throws Exception {
        // given
        Path mute = source("mute.mp4", recording(1).withoutAudio());

        // when / then
        assertThatThrownBy(() -> transcoder.transcode(mute, profile("audio-proxy"), dir.resolve("m.m4a"), null))
                .isInstanceOf(SourceUnusableException.class).hasMessageContaining("no audio stream");
    }

    @Test
    void previewsAPhotoWithinTwelveEightyPixelsOnItsLongSideAndNeverEnlargesIt() throws Exception {
        // given: a landscape JPEG, a portrait PNG, and a small photo
        Path landscape = java.nio.file.Files.write(dir.resolve("wide.jpg"), generator.photo(new PhotoSpec(
                PhotoSpec.JPEG, 2000, 1500, null, null, null, null, null, false, 1.0)));
        Path portrait = java.nio.file.Files.write(dir.resolve("tall.png"), generator.photo(new PhotoSpec(
                PhotoSpec.PNG, 1000, 2000, null, null, null, null, null, false, 1.0)));
        Path small = java.nio.file.Files.write(dir.resolve("small.jpg"), generator.photo(PhotoSpec.jpeg(null, null)));

        // when
        TranscodeResult wide = transcoder.transcode(landscape, profile("photo-preview"), dir.resolve("w.jpg"), null);
        transcoder.transcode(portrait, profile("photo-preview"), dir.resolve("t.jpg"), null);
        transcoder.transcode(small, profile("photo-preview"), dir.resolve("s.jpg"), null);

        // then
        JsonNode w = Ffprobe.stream(Ffprobe.probe(dir.resolve("w.jpg")), "video");
        assertThat(w.get("codec_name").asText()).isEqualTo("mjpeg");
        assertThat(List.of(w.get("width").asInt(), w.get("height").asInt())).containsExactly(1280, 960);
        JsonNode t = Ffprobe.stream(Ffprobe.probe(dir.resolve("t.jpg")), "video");
        assertThat(List.of(t.get("width").asInt(), t.get("height").asInt())).containsExactly(640, 1280);
        JsonNode s = Ffprobe.stream(Ffprobe.probe(dir.resolve("s.jpg")), "video");
        assertThat(List.of(s.get("width").asInt(), s.get("height").asInt())).containsExactly(64, 48);
        assertThat(wide.method()).isEqualTo(TranscodeMethod.THUMBNAIL);
    }

    @Test
    void standsAPhotoUprightByItsExifOrientation() throws Exception {
        // given: a phone held upright stores the picture lying (2000x1500) and says so: Orientation 6, turn 90°
        Path lying = java.nio.file.Files.write(dir.resolve("upright.jpg"), generator.photo(new PhotoSpec(
                PhotoSpec.JPEG, 2000, 1500, null, null, null, null, null, false, 1.0).withOrientation(6)));

        // when
        TranscodeResult preview = transcoder.transcode(lying, profile("photo-preview"), dir.resolve("u.jpg"), null);

        // then the preview stands: 960 wide, 1280 high
        JsonNode u = Ffprobe.stream(Ffprobe.probe(dir.resolve("u.jpg")), "video");
        assertThat(List.of(u.get("width").asInt(), u.get("height").asInt())).containsExactly(960, 1280);
        assertThat(preview.videoFilter()).contains("transpose=clock");
    }

    @Test
    void transcodesADamagedRecordingAsFarAsItDecodesAndSaysSo() throws Exception {
        // given a recording that lost the last 40 % of its bytes (index first, so it still opens)
        Path original = source("cut.mp4", new VideoSpec(320, 240, 10, 3, true, null, VideoSpec.MP4, true, 1.0)
                .truncatedTo(0.6));
        Path proxy = dir.resolve("proxy.mp4");

        // when
        TranscodeResult result = transcoder.transcode(original, profile("proxy-360p"), proxy, null);

        // then what decodes is there, and the result says where it stops
        assertThat(result.partial()).isTrue();
        assertThat(result.damage()).contains("transcoded as far as it decodes");
        assertThat(result.outputSeconds()).isBetween(0.5, 2.5);
        assertThat(Ffprobe.duration(Ffprobe.probe(proxy))).isCloseTo(result.outputSeconds(), within(0.2));
        assertThat(Ffprobe.decodeErrors(proxy)).isEmpty();
    }

    @Test
    void refusesASourceThatDoesNotOpenWithTheReason() throws Exception {
        // given a recording cut before its index was written (moov at the end, gone)
        Path original = source("cut.mp4", recording(2).withoutFaststart().truncatedTo(0.5));

        // when / then
        assertThatThrownBy(() -> transcoder.transcode(original, profile("proxy-360p"), dir.resolve("p.mp4"), null))
                .isInstanceOf(SourceUnusableException.class)
                .hasMessageContaining("FFmpeg cannot open it");
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() throws Exception {
        // given
        Path original = source("two.mp4", recording(2));
        List<Double> positions = new ArrayList<>();
        TranscodeListener following = new TranscodeListener() {
            @Override
            public void progress(double positionSeconds, double durationSeconds) {
                positions.add(positionSeconds);
                assertThat(durationSeconds).isCloseTo(2.0, within(0.1));
            }
        };
        TranscodeListener cancelling = new TranscodeListener() {
            int asked;

            @Override
            public boolean cancelled() {
                return ++asked > 5;
            }
        };

        // when
        transcoder.transcode(original, profile("proxy-360p"), dir.resolve("p.mp4"), following);

        // then
        assertThat(positions).isSorted().hasSizeGreaterThan(10);
        assertThat(positions.get(positions.size() - 1)).isCloseTo(1.9, within(0.11));
        assertThatThrownBy(() -> transcoder.transcode(original, profile("proxy-360p"), dir.resolve("c.mp4"), cancelling))
                .isInstanceOf(CancellationException.class);
    }
}
