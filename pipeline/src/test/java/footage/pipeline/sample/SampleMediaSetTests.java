package footage.pipeline.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import tools.jackson.databind.node.ObjectNode;
import footage.pipeline.media.MediaProbe;
import footage.pipeline.media.MediaSniffer;
import footage.pipeline.media.ProbeResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMediaSetTests {

    /** Surefire runs in the module folder; the committed set lives at the repository root. */
    private static final Path COMMITTED = Path.of("..", "sample-media");
    private static final long SIZE_BUDGET = 5L * 1024 * 1024;

    @TempDir
    static Path drop;

    private final MediaProbe probe = new MediaProbe();

    @BeforeAll
    static void writeTheSet() throws IOException {
        SampleMediaSet.main(new String[] {drop.toString()});
    }

    @Test
    void writesTheThreeDemoDumps() throws IOException {
        // when
        Map<String, Long> files = files(drop);

        // then
        assertThat(files.keySet()).containsExactly(
                "DSJ0009999_nomanifest/DSJ0009999_100999_20190219_083000_0001.mp4",
                "ST01_DSJ0001234_20190217180512/DSJ0001234_100234_20190217_093000_0001.mp4",
                "ST01_DSJ0001234_20190217180512/DSJ0001234_100234_20190217_093020_0002.mp4",
                "ST01_DSJ0001234_20190217180512/DSJ0001234_100234_20190217_093110_0003_IMP.mp4",
                "ST01_DSJ0001234_20190217180512/DSJ0001234_100234_20190217_093200_0004.mp4",
                "ST01_DSJ0001234_20190217180512/LOG/device.log",
                "ST01_DSJ0001234_20190217180512/manifest.json",
                "ST02_DSJ0005678_20190218120000/DSJ0005678_100567_20190218_100000_0001.mp4",
                "ST02_DSJ0005678_20190218120000/DSJ0005678_100567_20190218_100005_0003.jpg",
                "ST02_DSJ0005678_20190218120000/DSJ0005678_100567_20190218_100015_0002.mp4",
                "ST02_DSJ0005678_20190218120000/DSJ0005678_100567_20190218_100030_0004.wav",
                "ST02_DSJ0005678_20190218120000/DSJ0005678_100567_20190218_100040_0005.amr",
                "ST02_DSJ0005678_20190218120000/manifest.json",
                "ST02_DSJ0005678_20190218120000/notes.txt");
    }

    @Test
    void marksTheFirstDumpsClockAndLocalTimeAsUtcQuirk() throws IOException {
        // given
        Path dump = drop.resolve("ST01_DSJ0001234_20190217180512");

        // when
        JsonNode manifest = readJson(dump.resolve("manifest.json"));
        ProbeResult first = probe.probe(dump.resolve("DSJ0001234_100234_20190217_093000_0001.mp4"));
        ProbeResult damaged = probe.probe(dump.resolve("DSJ0001234_100234_20190217_093200_0004.mp4"));

        // then
        assertThat(manifest.get("officerName").asText()).isEqualTo("张三");
        assertThat(manifest.get("dockedAt").asText()).isEqualTo("2019-02-17T18:05:12+08:00");
        assertThat(manifest.get("deviceClockAtDock").asText()).isEqualTo("2019-02-17T18:06:47+08:00");
        assertThat(manifest.get("files").findValuesAsString("path")).hasSize(4).noneMatch(p -> p.contains("LOG"));
        assertThat(first.creationTime()).isEqualTo("2019-02-17T09:30:00Z");
        assertThat(first.durationSeconds()).isCloseTo(20.0, within(0.05));
        assertThat(first.truncated()).isFalse();
        assertThat(damaged.readable()).isTrue();
        assertThat(damaged.truncated()).isTrue();
        assertThat(damaged.creationTime()).isEqualTo("2019-02-17T09:32:00Z");
    }

    @Test
    void givesTheSecondDumpTrueUtcTimesAndAListedTextFile() throws IOException {
        // given
        Path dump = drop.resolve("ST02_DSJ0005678_20190218120000");

        // when
        JsonNode manifest = readJson(dump.resolve("manifest.json"));
        ProbeResult second = probe.probe(dump.resolve("DSJ0005678_100567_20190218_100015_0002.mp4"));
        ProbeResult notes = probe.probe(dump.resolve("notes.txt"));

        // then
        assertThat(manifest.get("files").findValuesAsString("path")).contains("notes.txt");
        assertThat(second.creationTime()).isEqualTo("2019-02-18T02:00:15Z");
        assertThat(second.durationSeconds()).isCloseTo(15.0, within(0.05));
        assertThat(notes.readable()).isFalse();
        assertThat(MediaSniffer.looksLikeMedia(dump.resolve("notes.txt"))).isFalse();
    }

    @Test
    void givesTheSecondDumpAPhotoAndTwoSoundRecordings() {
        // given
        Path dump = drop.resolve("ST02_DSJ0005678_20190218120000");

        // when
        ProbeResult photo = probe.probe(dump.resolve("DSJ0005678_100567_20190218_100005_0003.jpg"));
        ProbeResult wav = probe.probe(dump.resolve("DSJ0005678_100567_20190218_100030_0004.wav"));
        ProbeResult amr = probe.probe(dump.resolve("DSJ0005678_100567_20190218_100040_0005.amr"));

        // then
        assertThat(photo.kind()).isEqualTo(footage.pipeline.media.RecordingKind.PHOTO);
        assertThat(photo.creationTime()).isEqualTo("2019-02-18T02:00:05.400Z");
        assertThat(photo.photo().make()).isEqualTo("Hikvision");
        assertThat(wav.kind()).isEqualTo(footage.pipeline.media.RecordingKind.AUDIO);
        assertThat(wav.durationSeconds()).isCloseTo(10.0, within(0.05));
        assertThat(amr.kind()).isEqualTo(footage.pipeline.media.RecordingKind.AUDIO);
        assertThat(amr.streams()).singleElement().satisfies(s -> assertThat(s.codec()).isEqualTo("amr_nb"));
    }

    @Test
    void leavesTheThirdDumpWithoutManifestOrCreationTime() {
        // given
        Path dump = drop.resolve("DSJ0009999_nomanifest");

        // when
        ProbeResult only = probe.probe(dump.resolve("DSJ0009999_100999_20190219_083000_0001.mp4"));

        // then
        assertThat(dump.resolve("manifest.json")).doesNotExist();
        assertThat(only.durationSeconds()).isCloseTo(10.0, within(0.05));
        assertThat(only.creationTime()).isNull();
    }

    @Test
    void matchesTheCommittedSampleMedia() throws IOException {
        // given
        Map<String, Long> generated = files(drop);

        // when
        Map<String, Long> committed = files(COMMITTED);
        committed.remove("README.md");

        // then
        assertThat(committed.keySet()).as("regenerate sample-media with SampleMediaSet")
                .containsExactlyElementsOf(generated.keySet());
        assertThat(committed.values().stream().mapToLong(Long::longValue).sum()).isLessThan(SIZE_BUDGET);
        for (String file : generated.keySet()) {
            if (file.endsWith("manifest.json")) {
                assertThat(withoutVideoHashes(readJson(COMMITTED.resolve(file)))).as(file)
                        .isEqualTo(withoutVideoHashes(readJson(drop.resolve(file))));
            } else if (!file.endsWith(".mp4")) {
                assertThat(COMMITTED.resolve(file)).as(file).hasSameBinaryContentAs(drop.resolve(file));
            }
        }
    }

    /**
     * Video bytes are reproducible on one machine, but FFmpeg's AAC encoder picks CPU-specific
     * float code at run time, so another CPU may encode the audio differently: compare the rest.
     */
    private static JsonNode withoutVideoHashes(JsonNode manifest) {
        for (JsonNode entry : manifest.get("files")) {
            if (entry.get("path").asText().endsWith(".mp4")) {
                ((ObjectNode) entry).remove(List.of("size", "md5"));
            }
        }
        return manifest;
    }

    private static Map<String, Long> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toMap(
                    p -> root.relativize(p).toString().replace('\\', '/'), SampleMediaSetTests::size,
                    (a, b) -> a, TreeMap::new));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        return Json.MAPPER.readTree(file.toFile());
    }
}
