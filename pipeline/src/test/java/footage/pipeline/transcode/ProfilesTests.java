package footage.pipeline.transcode;

import footage.pipeline.media.RecordingKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfilesTests {

    /** Surefire runs in the module folder; the profiles live at the repository root. */
    private static final Path SHIPPED = Path.of("..", "ffmpeg-profiles");

    private static final String PROXY = """
            name=p
            kind=proxy
            container=mp4
            video.codec=libx264
            video.preset=veryfast
            video.crf=23
            video.max-height=720
            video.max-fps=30
            video.pixel-format=yuv420p
            audio.codec=aac
            audio.bitrate=128k
            faststart=true
            remux-when=source-matches
            output.suffix=.p.mp4
            """;

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedProfiles() {
        // when
        Profiles profiles = Profiles.load(SHIPPED);

        // then
        assertThat(profiles.all()).extracting(Profile::name)
                .containsExactly("audio-proxy", "photo-preview", "proxy-360p", "proxy-720p", "remux-mp4", "thumbnail");
        Profile audio = profiles.get("audio-proxy").orElseThrow();
        assertThat(audio.kind()).isEqualTo(Profile.Kind.AUDIO);
        assertThat(audio.audioCodec()).isEqualTo("aac");
        assertThat(audio.audioChannels()).isEqualTo(1);
        assertThat(audio.audioBitrate()).isEqualTo(64_000L);
        assertThat(audio.appliesTo()).containsExactly(RecordingKind.AUDIO);
        Profile preview = profiles.get("photo-preview").orElseThrow();
        assertThat(preview.kind()).isEqualTo(Profile.Kind.THUMBNAIL);
        assertThat(preview.maxWidth()).isEqualTo(1280);
        assertThat(preview.maxHeight()).isEqualTo(1280);
        assertThat(preview.appliesTo()).containsExactly(RecordingKind.PHOTO);
        assertThat(profiles.get("thumbnail").orElseThrow().appliesTo()).containsExactly(RecordingKind.VIDEO);
        Profile proxy = profiles.get("proxy-720p").orElseThrow();
        assertThat(proxy.kind()).isEqualTo(Profile.Kind.PROXY);
        assertThat(proxy.videoCodec()).isEqualTo("libx264");
        assertThat(proxy.maxHeight()).isEqualTo(720);
        assertThat(proxy.maxFps()).isEqualTo(30.0);
        assertThat(proxy.audioBitrate()).isEqualTo(128_000L);
        assertThat(proxy.faststart()).isTrue();
        assertThat(proxy.remuxWhen()).isEqualTo(Profile.RemuxWhen.SOURCE_MATCHES);
        assertThat(profiles.get("thumbnail").orElseThrow().thumbnailOffset()).isEqualTo(2.0);
        assertThat(profiles.get("remux-mp4").orElseThrow().remuxWhen()).isEqualTo(Profile.RemuxWhen.OTHER_CONTAINER);
        assertThat(proxy.sha256()).hasSize(64);
    }

    @Test
    void theLibraryBundlesEveryShippedProfileToTheByte() {
        // given the profiles of the repository's folder
        Map<String, String> shipped = new TreeMap<>();
        Profiles.load(SHIPPED).all().forEach(p -> shipped.put(p.name(), p.sha256()));

        // when read from the classpath, where the build puts them (pipeline/pom.xml) and index.txt names them
        Profiles bundled = Profiles.bundled();

        // then the jar alone has the same profiles (a profile added to ffmpeg-profiles/ needs its name in index.txt)
        Map<String, String> inJar = new TreeMap<>();
        bundled.all().forEach(p -> inJar.put(p.name(), p.sha256()));
        assertThat(inJar).isEqualTo(shipped);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown codec      | video.codec=libx264 | video.codec=libx999 | p.properties: video.codec: this FFmpeg build has no video encoder 'libx999'",
            "missing key        | faststart=true      | #                   | p.properties: faststart: missing",
            "bad number         | video.crf=23        | video.crf=high      | p.properties: video.crf: must be a number but was 'high'",
            "out of range       | video.crf=23        | video.crf=99        | p.properties: video.crf: must be from 0 to 51 but was '99'",
            "misspelt key       | faststart=true      | fast-start=true     | p.properties: fast-start: unknown key",
            "foreign key        | faststart=true      | thumbnail.offset=2  | p.properties: thumbnail.offset: does not apply to kind proxy",
            "bad boolean        | faststart=true      | faststart=yes       | p.properties: faststart: must be true or false but was 'yes'",
            "bad choice         | remux-when=source-matches | remux-when=sometimes | p.properties: remux-when: must be one of never, source-matches, other-container",
            "odd height         | video.max-height=720 | video.max-height=721 | p.properties: video.max-height: must be an even whole number",
            "pixel format       | video.pixel-format=yuv420p | video.pixel-format=rgb99 | p.properties: video.pixel-format: FFmpeg knows no pixel format 'rgb99'",
            "encoder format     | video.pixel-format=yuv420p | video.pixel-format=rgb565le | p.properties: video.pixel-format: libx264 cannot encode rgb565le",
            "bad bitrate        | audio.bitrate=128k  | audio.bitrate=fast  | p.properties: audio.bitrate: must be bits per second",
            "crf and bitrate    | video.crf=23        | video.crf=23\\nvideo.bitrate=2M | p.properties: video.bitrate: give exactly one of video.crf and video.bitrate",
            "unknown muxer      | container=mp4       | container=mp5       | p.properties: container: FFmpeg has no muxer named 'mp5'",
            "bad preset         | video.preset=veryfast | video.preset=quick | p.properties: video.preset: libx264 has no preset 'quick'",
            "bad suffix         | output.suffix=.p.mp4 | output.suffix=../x.mp4 | p.properties: output.suffix: must start with",
            "wrong name         | name=p              | name=q              | p.properties: name: must match the file name 'p' but was 'q'",
            "unknown kind of recording | faststart=true | faststart=true\\napplies-to=video,film | p.properties: applies-to: must be video, audio or photo (comma-separated) but had 'film'",
            "proxy of photos    | faststart=true      | faststart=true\\napplies-to=photo | p.properties: applies-to: kind proxy cannot make anything of photo recordings (it takes video)",
    })
    void anInvalidProfileFailsNamingFileAndKey(String what, String replaced, String by, String message) throws IOException {
        // given
        Path folder = Files.createDirectories(dir.resolve(what.replace(' ', '-')));
        Files.writeString(folder.resolve("p.properties"), PROXY.replace(replaced, by.replace("\\n", "\n")),
                StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> Profiles.load(folder))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith(folder.resolve("p.properties").toString().replace("p.properties", ""))
                .hasMessageContaining(message);
    }

    @Test
    void twoProfilesMayNotWriteTheSameFileName() throws IOException {
        // given
        Files.writeString(dir.resolve("p.properties"), PROXY);
        Files.writeString(dir.resolve("q.properties"), PROXY.replace("name=p", "name=q"));

        // when / then
        assertThatThrownBy(() -> Profiles.load(dir))
                .hasMessageContaining("q.properties: output.suffix: '.p.mp4' is already the suffix of")
                .hasMessageContaining("p.properties");
    }

    @Test
    void aFolderWithoutProfilesAndAnUnknownProfileNameAreErrors() throws IOException {
        // given
        Files.writeString(dir.resolve("README.md"), "not a profile");
        Path ok = Files.createDirectories(dir.resolve("ok"));
        Files.writeString(ok.resolve("p.properties"), PROXY);

        // when / then
        assertThatThrownBy(() -> Profiles.load(dir)).hasMessageContaining("no *.properties profile");
        assertThatThrownBy(() -> Profiles.load(dir.resolve("missing"))).hasMessageContaining("no such folder");
        assertThatThrownBy(() -> Profiles.load(ok).only(List.of("p", "x")))
                .hasMessageContaining("no profile named 'x'").hasMessageContaining("(profiles: p)");
    }

    @Test
    void aRemuxProfileIsOnlyForSourcesWithItsCodecsInAnotherContainer() {
        // given
        Profile remux = Profiles.load(SHIPPED).get("remux-mp4").orElseThrow();
        Profile proxy = Profiles.load(SHIPPED).get("proxy-360p").orElseThrow();

        // when / then
        assertThat(remux.notApplicable("mpegts", "h264", "aac")).isEmpty();
        assertThat(remux.notApplicable("mpegts", "h264", null)).isEmpty();
        assertThat(remux.notApplicable("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac")).contains("already in mp4");
        assertThat(remux.notApplicable("mpegts", "hevc", "aac")).contains("video is hevc, not h264");
        assertThat(remux.notApplicable("mpegts", "h264", "mp2")).contains("audio is mp2, not aac");
        assertThat(proxy.notApplicable("mov,mp4,m4a,3gp,3g2,mj2", "hevc", "pcm_s16le")).isEmpty();
        assertThat(proxy.notApplicable("wav", null, "pcm_s16le")).isEmpty();
        assertThat(remux.notApplicable(null, null, null)).contains("no known video codec");
        assertThat(proxy.relativePath("ab" + "cd".repeat(31))).isEqualTo("ab/cd/ab" + "cd".repeat(31) + ".360p.mp4");
    }
}
