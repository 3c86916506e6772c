package footage.pipeline.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.ProbeResult;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDumpGeneratorTests {

    @TempDir
    Path dir;

    private final SampleDumpGenerator generator = new SampleDumpGenerator();

    @Test
    void writesByteIdenticalFilesForTheSameSpec() throws IOException {
        // given
        VideoSpec mp4 = VideoSpec.small(3, "2019-02-17T09:30:00Z");
        VideoSpec ts = mp4.asMpegTs();

        // when
        generator.writeVideo(dir.resolve("a.mp4"), mp4);
        generator.writeVideo(dir.resolve("b.mp4"), mp4);
        generator.writeVideo(dir.resolve("a.ts"), ts);
        generator.writeVideo(dir.resolve("b.ts"), ts);

        // then
        assertThat(sha256(dir.resolve("a.mp4"))).isEqualTo(sha256(dir.resolve("b.mp4")));
        assertThat(sha256(dir.resolve("a.ts"))).isEqualTo(sha256(dir.resolve("b.ts")));
        assertThat(sha256(dir.resolve("a.mp4"))).isNotEqualTo(sha256(dir.resolve("a.ts")));
    }

    @Test
    void writesDifferentBytesForADifferentCreationTime() throws IOException {
        // given
        Path first = dir.resolve("first.mp4");
        Path second = dir.resolve("second.mp4");

        // when
        generator.writeVideo(first, VideoSpec.small(1, "2019-02-17T09:30:00Z"));
        generator.writeVideo(second, VideoSpec.small(1, "2019-02-17T09:30:01Z"));

        // then
        assertThat(sha256(first)).isNotEqualTo(sha256(second));
    }

    @Test
    void writesTheRecordingTheSpecDescribes() throws IOException {
        // given
        VideoSpec spec = new VideoSpec(320, 240, 25, 2.0, false, "2019-02-18T02:00:00Z", VideoSpec.MP4, false, 1.0);
        Path file = dir.resolve("nested/folder/clip.mp4");

        // when
        generator.writeVideo(file, spec);

        // then
        ProbeResult result = new MediaProbe().probe(file);
        assertThat(result.durationSeconds()).isCloseTo(2.0, within(0.05));
        assertThat(result.creationTime()).isEqualTo("2019-02-18T02:00:00Z");
        assertThat(result.hasAudio()).isFalse();
        assertThat(result.videoPacketCount()).isEqualTo(50);
        assertThat(result.video()).hasValueSatisfying(video -> {
            assertThat(video.width()).isEqualTo(320);
            assertThat(video.height()).isEqualTo(240);
            assertThat(video.frameRate()).isEqualTo(25.0);
        });
    }

    @Test
    void cutsATruncatedSpecToThatFractionOfTheWholeFile() throws IOException {
        // given
        VideoSpec whole = VideoSpec.small(4, null);
        generator.writeVideo(dir.resolve("whole.mp4"), whole);
        long wholeSize = Files.size(dir.resolve("whole.mp4"));

        // when
        generator.writeVideo(dir.resolve("cut.mp4"), whole.truncatedTo(0.6));

        // then
        assertThat(Files.size(dir.resolve("cut.mp4"))).isEqualTo((long) Math.floor(wholeSize * 0.6));
        assertThat(new MediaProbe().probe(dir.resolve("cut.mp4")).truncated()).isTrue();
    }

    @Test
    void writesTheFilesAndThenTheManifestWithRealOrOverriddenSizesAndHashes() throws IOException {
        // given
        byte[] log = "power on\n".getBytes(StandardCharsets.UTF_8);
        byte[] notes = "笔记\n".getBytes(StandardCharsets.UTF_8);
        DumpSpec spec = new DumpSpec("ST01_DSJ0001234_20190217180512", "ST01", "DSJ0001234", "100234", "张三",
                "2019-02-17T18:05:12+08:00", "2019-02-17T18:06:47+08:00", true, List.of(
                FileSpec.video("DSJ0001234_100234_20190217_093000_0001.mp4", VideoSpec.small(2, null)),
                FileSpec.bytes("wrong-size.txt", notes).withManifestSize(999),
                FileSpec.bytes("wrong-md5.txt", notes).withManifestMd5("00000000000000000000000000000000"),
                FileSpec.bytes("no-md5.txt", notes).withManifestMd5(""),
                FileSpec.bytes("empty.mp4", new byte[0]),
                FileSpec.bytes("LOG/device.log", log).unlisted()));

        // when
        Path dump = generator.writeDump(dir, spec);

        // then
        assertThat(dump).isEqualTo(dir.resolve("ST01_DSJ0001234_20190217180512"));
        assertThat(dump.resolve("LOG/device.log")).hasBinaryContent(log);
        assertThat(dump.resolve("empty.mp4")).isEmptyFile();
        JsonNode manifest = Json.MAPPER.readTree(dump.resolve("manifest.json").toFile());
        assertThat(manifest.get("schema").asText()).isEqualTo("footage-dump/1");
        assertThat(manifest.get("station").asText()).isEqualTo("ST01");
        assertThat(manifest.get("deviceId").asText()).isEqualTo("DSJ0001234");
        assertThat(manifest.get("officerId").asText()).isEqualTo("100234");
        assertThat(manifest.get("officerName").asText()).isEqualTo("张三");
        assertThat(manifest.get("dockedAt").asText()).isEqualTo("2019-02-17T18:05:12+08:00");
        assertThat(manifest.get("deviceClockAtDock").asText()).isEqualTo("2019-02-17T18:06:47+08:00");
        JsonNode files = manifest.get("files");
        assertThat(files.findValuesAsString("path")).containsExactly("DSJ0001234_100234_20190217_093000_0001.mp4",
                "wrong-size.txt", "wrong-md5.txt", "no-md5.txt", "empty.mp4");

        Path video = dump.resolve("DSJ0001234_100234_20190217_093000_0001.mp4");
        assertThat(files.get(0).get("size").asLong()).isEqualTo(Files.size(video));
        assertThat(files.get(0).get("md5").asText()).isEqualTo(md5(video));
        assertThat(files.get(1).get("size").asLong()).isEqualTo(999);
        assertThat(files.get(1).get("md5").asText()).isEqualTo(DigestUtils.md5Hex(notes));
        assertThat(files.get(2).get("size").asLong()).isEqualTo(notes.length);
        assertThat(files.get(2).get("md5").asText()).isEqualTo("00000000000000000000000000000000");
        assertThat(files.get(3).has("md5")).isFalse();
        assertThat(files.get(4).get("size").asLong()).isZero();
        assertThat(files.get(4).get("md5").asText()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void writesTheManifestLastAndLeavesNoTemporaryFile() throws IOException {
        // given
        DumpSpec spec = dump(true, FileSpec.video("a.mp4", VideoSpec.small(1, null)),
                FileSpec.bytes("b.txt", new byte[] {1}));

        // when
        Path dump = generator.writeDump(dir, spec);

        // then
        FileTime manifestWritten = Files.getLastModifiedTime(dump.resolve("manifest.json"));
        List<Path> others = listFiles(dump).stream().filter(p -> !p.endsWith("manifest.json")).toList();
        assertThat(others).extracting(p -> dump.relativize(p).toString()).containsExactlyInAnyOrder("a.mp4", "b.txt");
        for (Path other : others) {
            assertThat(Files.getLastModifiedTime(other)).isLessThanOrEqualTo(manifestWritten);
        }
    }

    @Test
    void keepsChineseNamesAsCharactersAndOmitsAbsentFields() throws IOException {
        // given
        DumpSpec spec = new DumpSpec("dump", null, "DSJ1", null, "李四", "2019-02-18T12:00:00+08:00", null, true,
                List.of(FileSpec.bytes("x.txt", new byte[] {1})));

        // when
        Path dump = generator.writeDump(dir, spec);

        // then
        String json = Files.readString(dump.resolve("manifest.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"李四\"").doesNotContain("\\u");
        JsonNode manifest = Json.MAPPER.readTree(json);
        assertThat(manifest.has("station")).isFalse();
        assertThat(manifest.has("officerId")).isFalse();
        assertThat(manifest.has("deviceClockAtDock")).isFalse();
    }

    @Test
    void writesNoManifestWhenTheSpecSaysSo() throws IOException {
        // given
        DumpSpec spec = dump(false, FileSpec.bytes("a.txt", new byte[] {1}));

        // when
        Path dump = generator.writeDump(dir, spec);

        // then
        assertThat(dump.resolve("manifest.json")).doesNotExist();
        assertThat(dump.resolve("a.txt")).exists();
    }

    @Test
    void rejectsSpecsThatCannotBeWritten() {
        // given / when / then
        assertThatThrownBy(() -> FileSpec.bytes("../escape.mp4", new byte[0]))
                .hasMessageContaining("'..'").hasMessageContaining("../escape.mp4");
        assertThatThrownBy(() -> FileSpec.bytes("/abs.mp4", new byte[0])).hasMessageContaining("relative");
        assertThatThrownBy(() -> new FileSpec("a.mp4", VideoSpec.small(1, null), new byte[0], true, null, null))
                .hasMessageContaining("exactly one of video or bytes");
        assertThatThrownBy(() -> VideoSpec.small(1, "2019-02-17 09:30"))
                .hasMessageContaining("ISO-8601 instant").hasMessageContaining("2019-02-17 09:30");
        assertThatThrownBy(() -> VideoSpec.small(1, null).truncatedTo(0))
                .hasMessage("keepFraction must be in (0, 1] but was 0.0");
        assertThatThrownBy(() -> new VideoSpec(161, 120, 10, 1, true, null, "mp4", true, 1))
                .hasMessageContaining("even");
        assertThatCode(() -> VideoSpec.small(1, null).withoutFaststart().asMpegTs().withoutAudio().truncatedTo(0.5))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new VideoSpec(160, 120, 10, 1, true, null, "avi", false, 1))
                .hasMessageContaining("format must be one of");
        assertThatThrownBy(() -> new DumpSpec("a/b", null, null, null, null, null, null, true, List.of()))
                .hasMessageContaining("single path segment");
        assertThatThrownBy(() -> new DumpSpec("d", null, null, null, null, "2019-02-17T18:05:12", null, true,
                List.of())).hasMessageContaining("dockedAt").hasMessageContaining("offset");
        assertThatThrownBy(() -> dump(true, FileSpec.bytes("a", new byte[0]), FileSpec.bytes("a", new byte[1])))
                .hasMessageContaining("duplicate file path 'a'");
        assertThatThrownBy(() -> dump(true, FileSpec.bytes("manifest.json", new byte[0])))
                .hasMessageContaining("writeManifest=false");
    }

    private static DumpSpec dump(boolean manifest, FileSpec... files) {
        return new DumpSpec("dump", "ST09", "DSJ1", "1", "王五", "2019-02-17T18:05:12+08:00", null, manifest,
                List.of(files));
    }

    private static List<Path> listFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
    }

    private static String sha256(Path file) throws IOException {
        return DigestUtils.sha256Hex(Files.readAllBytes(file));
    }

    private static String md5(Path file) throws IOException {
        return DigestUtils.md5Hex(Files.readAllBytes(file));
    }
}
