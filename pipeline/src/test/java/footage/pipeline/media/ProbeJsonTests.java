package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.pipeline.sample.CameraFileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeJsonTests {

    @Test
    void writesOneObjectPerFileWithEveryFieldInRecordOrder() throws Exception {
        // given
        ProbeResult readable = new ProbeResult("drop/张三/a.mp4", true, null, "mov,mp4,m4a,3gp,3g2,mj2", 20.0,
                "2019-02-17T09:30:00Z",
                List.of(new StreamInfo(0, "video", "h264", "avc1", 160, 120, 10.0, null, null),
                        new StreamInfo(1, "audio", "aac", "mp4a", null, null, null, 8000, 1)),
                358, 200, 0.0, 19.9, false, null, 20.0, List.of(new TimestampJump(4.9, 9.0)), "index",
                RecordingKind.VIDEO, null);
        ProbeResult unreadable = ProbeResult.unreadable("notes.txt", "Invalid data found when processing input");

        // when
        String json = ProbeJson.toJson(List.of(readable, unreadable));

        // then
        JsonNode array = Json.MAPPER.readTree(json);
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        JsonNode first = array.get(0);
        assertThat(fieldNames(first)).containsExactly("file", "readable", "error", "kind", "container",
                "durationSeconds", "creationTime", "streams", "packetCount", "videoPacketCount", "firstVideoTimestamp",
                "lastVideoTimestamp", "truncated", "truncation", "mediaSeconds", "jumps", "scan", "photo");
        assertThat(first.get("kind").asText()).isEqualTo("VIDEO");
        assertThat(first.get("photo").isNull()).isTrue();
        assertThat(first.get("jumps").get(0).get("toSeconds").asDouble()).isEqualTo(9.0);
        assertThat(first.get("file").asText()).isEqualTo("drop/张三/a.mp4");
        assertThat(first.get("durationSeconds").asDouble()).isEqualTo(20.0);
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(fieldNames(first.get("streams").get(0))).containsExactly("index", "type", "codec", "codecTag",
                "width", "height", "frameRate", "sampleRate", "channels");
        assertThat(first.get("streams").get(0).get("codecTag").asText()).isEqualTo("avc1");
        assertThat(first.get("streams").get(1).get("sampleRate").asInt()).isEqualTo(8000);
        assertThat(array.get(1).get("readable").asBoolean()).isFalse();
        assertThat(array.get(1).get("error").asText()).isEqualTo("Invalid data found when processing input");
        assertThat(json).contains("\n  ").contains("张三");
    }

    @Test
    void showsACamerasTelemetryTrackWithItsTagAndTheMovieHeadersDuration(@TempDir Path dir) throws Exception {
        // given: the movie header states 6 s; the GPMF track runs to 6.93 s
        Path file = dir.resolve("GX010042.MP4");
        new SampleDumpGenerator().writeCameraFile(file, CameraFileSpec.of(VideoSpec.small(6, null), "mp4",
                CameraFileSpec.SideTrack.gpmf(6.93)).withMovieHeaderStating(6.0));

        // when
        String json = ProbeJson.toJson(List.of(new MediaProbe().probe(file)));

        // then
        JsonNode result = Json.MAPPER.readTree(json).get(0);
        assertThat(result.get("durationSeconds").asDouble()).isEqualTo(6.0);
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(result.get("truncation").isNull()).isTrue();
        JsonNode telemetry = result.get("streams").get(2);
        assertThat(telemetry.get("type").asText()).isEqualTo("data");
        assertThat(telemetry.get("codec").asText()).isEqualTo("bin_data");
        assertThat(telemetry.get("codecTag").asText()).isEqualTo("gpmd");
    }

    @Test
    void writesAnEmptyArrayForNoFiles() {
        // given
        List<ProbeResult> none = List.of();

        // when
        String json = ProbeJson.toJson(none);

        // then
        assertThat(json).isEqualTo("[ ]");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        names.addAll(node.propertyNames());
        return names;
    }
}
