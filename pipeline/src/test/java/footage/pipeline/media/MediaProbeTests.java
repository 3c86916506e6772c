package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaProbeTests {

    private static final String CREATED = "2019-02-17T09:30:00Z";

    @TempDir
    static Path media;

    private final MediaProbe probe = new MediaProbe();

    @BeforeAll
    static void writeMedia() throws Exception {
        SampleDumpGenerator generator = new SampleDumpGenerator();
        VideoSpec sixSeconds = VideoSpec.small(6, CREATED);
        generator.writeVideo(media.resolve("whole.mp4"), sixSeconds);
        generator.writeVideo(media.resolve("silent.mp4"), sixSeconds.withoutAudio().withoutFaststart());
        generator.writeVideo(media.resolve("stream.ts"), sixSeconds.asMpegTs());
        generator.writeVideo(media.resolve("truncated.mp4"), sixSeconds.truncatedTo(0.5));
        generator.writeVideo(media.resolve("no-index.mp4"), sixSeconds.withoutFaststart().truncatedTo(0.5));
        Files.writeString(media.resolve("notes.txt"), "张三的笔记\n这不是视频文件。\n", StandardCharsets.UTF_8);
        Files.writeString(media.resolve("captions.srt.txt"), "1\n00:00:01,000 --> 00:00:02,000\nhello\n");
        Files.createFile(media.resolve("empty.mp4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"whole.mp4", "silent.mp4", "stream.ts", "truncated.mp4"})
    void agreesWithFfprobeOfTheSameBuild(String name) throws Exception {
        // given
        Path file = media.resolve(name);
        JsonNode expected = ffprobe(file);

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).isTrue();
        assertThat(result.durationSeconds())
                .isCloseTo(expected.path("format").path("duration").asDouble(), within(0.05));
        JsonNode streams = expected.path("streams");
        assertThat(result.streams()).hasSize(streams.size());
        long packets = 0;
        for (int i = 0; i < streams.size(); i++) {
            JsonNode stream = streams.get(i);
            StreamInfo actual = result.streams().get(i);
            assertThat(actual.type()).isEqualTo(stream.path("codec_type").asText());
            assertThat(actual.codec()).isEqualTo(stream.path("codec_name").asText());
            if (actual.isVideo()) {
                assertThat(actual.width()).isEqualTo(stream.path("width").asInt());
                assertThat(actual.height()).isEqualTo(stream.path("height").asInt());
                assertThat(result.videoPacketCount()).isEqualTo(stream.path("nb_read_packets").asLong());
            }
            packets += stream.path("nb_read_packets").asLong();
        }
        assertThat(result.packetCount()).isEqualTo(packets);
        assertThat(result.container()).isEqualTo(expected.path("format").path("format_name").asText());
    }

    @Test
    void describesAWholeMp4() {
        // given
        Path file = media.resolve("whole.mp4");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.error()).isNull();
        assertThat(result.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(result.durationSeconds()).isCloseTo(6.0, within(0.05));
        assertThat(result.creationTime()).isEqualTo(CREATED);
        assertThat(result.video()).hasValueSatisfying(video -> {
            assertThat(video.codec()).isEqualTo("h264");
            assertThat(video.width()).isEqualTo(160);
            assertThat(video.height()).isEqualTo(120);
            assertThat(video.frameRate()).isEqualTo(10.0);
        });
        assertThat(result.hasAudio()).isTrue();
        assertThat(result.streams()).filteredOn(StreamInfo::isAudio).singleElement().satisfies(audio -> {
            assertThat(audio.codec()).isEqualTo("aac");
            assertThat(audio.sampleRate()).isEqualTo(8000);
            assertThat(audio.channels()).isEqualTo(1);
        });
        assertThat(result.videoPacketCount()).isEqualTo(60);
        assertThat(result.firstVideoTimestamp()).isEqualTo(0.0);
        assertThat(result.lastVideoTimestamp()).isEqualTo(5.9);
        assertThat(result.truncated()).isFalse();
        assertThat(result.truncation()).isNull();
    }

    @Test
    void flagsAFileCutShortAsReadableButTruncated() {
        // given
        Path file = media.resolve("truncated.mp4");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).isTrue();
        assertThat(result.durationSeconds()).isCloseTo(6.0, within(0.05));
        assertThat(result.truncated()).isTrue();
        assertThat(result.truncation()).contains("container states 6.00 s");
        assertThat(result.lastVideoTimestamp()).isLessThan(5.0);
        assertThat(result.videoPacketCount()).isBetween(1L, 59L);
    }

    @Test
    void reportsAnMp4CutBeforeItsIndexAsUnreadable() {
        // given: the index (moov) of a non-faststart mp4 is at the end, which was lost
        Path file = media.resolve("no-index.mp4");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).isFalse();
        assertThat(result.error()).isEqualTo("Invalid data found when processing input");
    }

    @Test
    void probesMpegTransportStreams() {
        // given
        Path file = media.resolve("stream.ts");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.container()).isEqualTo("mpegts");
        assertThat(result.video()).map(StreamInfo::codec).hasValue("h264");
        assertThat(result.hasAudio()).isTrue();
        assertThat(result.creationTime()).as("MPEG-TS has no creation_time").isNull();
        assertThat(result.videoPacketCount()).isEqualTo(60);
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void reportsATextFileAsUnreadableWithFfmpegsReason() {
        // given
        Path file = media.resolve("notes.txt");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).isFalse();
        assertThat(result.error()).isEqualTo("Invalid data found when processing input");
        assertThat(result.streams()).isEmpty();
        assertThat(result.file()).isEqualTo(file.toString());
    }

    @Test
    void reportsTextThatFfmpegTakesForSubtitlesAsUnreadable() {
        // given: FFmpeg recognises SubRip by content and opens it as a subtitle-only "media" file
        Path file = media.resolve("captions.srt.txt");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).isFalse();
        assertThat(result.error()).isEqualTo("no audio or video stream (format 'srt')");
    }

    @Test
    void reportsAZeroByteFileAsEmpty() {
        // given
        Path file = media.resolve("empty.mp4");

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).isFalse();
        assertThat(result.error()).isEqualTo("empty file (0 bytes)");
    }

    @Test
    void reportsMissingFilesAndFolders() {
        // given
        Path missing = media.resolve("missing.mp4");

        // when
        ProbeResult notFound = probe.probe(missing);
        ProbeResult folder = probe.probe(media);

        // then
        assertThat(notFound.error()).isEqualTo("file not found");
        assertThat(folder.error()).isEqualTo("not a regular file");
    }

    @Test
    void opensFileNamesThatLookLikeUrls(@TempDir Path dir) throws Exception {
        // given: without the explicit file protocol FFmpeg would read "rtmp:" as a network protocol
        Path file = dir.resolve("rtmp:张三 #1?.mp4");
        Files.copy(media.resolve("whole.mp4"), file);

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).as(result.error()).isTrue();
        assertThat(result.videoPacketCount()).isEqualTo(60);
    }

    @Test
    void givesTheSameAnswersFromManyThreads() throws Exception {
        // given
        List<Path> files = List.of(media.resolve("whole.mp4"), media.resolve("truncated.mp4"),
                media.resolve("stream.ts"), media.resolve("notes.txt"));
        List<ProbeResult> expected = files.stream().map(probe::probe).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);

        // when
        List<Future<List<ProbeResult>>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> files.stream().map(probe::probe).toList()));
            }
            // then
            for (Future<List<ProbeResult>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode ffprobe(Path file) throws Exception {
        String json = FfmpegBinaries.run(FfmpegBinaries.ffprobe(), "-v", "error", "-count_packets",
                "-show_format", "-show_streams", "-of", "json", file.toString());
        return Json.MAPPER.readTree(json);
    }
}
