package footage.jobs.ingest;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.jobs.FootageProperties;
import footage.jobs.report.GapReportBuilder;
import footage.jobs.report.GapReportRenderer;
import footage.jobs.report.ReportFilter;
import footage.jobs.report.ReportFormat;
import footage.jobs.runs.JobRuns;
import footage.pipeline.sample.CameraFileSpec;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.PhotoSpec;
import footage.pipeline.sample.RecorderSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 16: a dump as the devices of Art. 2 leave it — video (MP4, MOV, AVI, MPEG-TS), photos (JPEG with EXIF, PNG)
 * and audio (WAV, MP3, AMR, M4A) — ingested end to end with real FFmpeg on H2: every file archived with its kind, the
 * JSON report listing kinds and corrected times, photos on the timeline as instants that close no gap.
 */
@SpringBootTest(properties = "footage.ingest.quiet-period=0s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryDeviceKindTests {

    static final String DEVICE = "DSJ7100001";

    @Autowired
    JobRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;
    @Autowired
    GapReportBuilder reports;
    @Autowired
    GapReportRenderer renderer;

    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        home = Files.createTempDirectory("footage-kinds-");
        registry.add("footage.home", home::toString);
    }

    static String name(String time, int seq, String extension) {
        return DEVICE + "_100234_20240501_" + time + "_" + String.format("%04d", seq) + "." + extension;
    }

    @BeforeAll
    void ingestADumpOfEveryKind() throws IOException {
        SampleDumpGenerator g = new SampleDumpGenerator();
        Path scratch = Files.createTempDirectory("footage-kinds-files-");
        // the device's clock is right: corrected times are the names' times in +08:00
        g.writeDump(properties.drop(), new DumpSpec("K1", "ST01", DEVICE, "100234", "张三", "2024-05-01T18:00:00+08:00",
                "2024-05-01T18:00:00+08:00", true, List.of(
                FileSpec.video(name("090000", 1, "mp4"), VideoSpec.small(10, null)),
                // a photo in the 50 s between two videos: it marks an instant and closes nothing
                FileSpec.bytes(name("090030", 2, "jpg"), g.photo(new PhotoSpec(PhotoSpec.JPEG, 64, 48,
                        LocalDateTime.of(2024, 5, 1, 9, 0, 30), "5", ZoneOffset.ofHours(8), "Hikvision", "DSJ-T9", false, 1.0))),
                FileSpec.bytes(name("090100", 3, "mov"), recorder(scratch, "c.mov", g, null,
                        CameraFileSpec.of(VideoSpec.small(10, null), CameraFileSpec.MOV))),
                // sound fills the 5 s between the MOV and the AVI: no gap there
                FileSpec.bytes(name("090110", 4, "wav"), recorder(scratch, "d.wav", g,
                        RecorderSpec.audio("wav", 5), null)),
                FileSpec.bytes(name("090115", 5, "avi"), recorder(scratch, "e.avi", g, RecorderSpec.avi(2, true), null)),
                FileSpec.bytes(name("090117", 6, "mp3"), recorder(scratch, "f.mp3", g, RecorderSpec.audio("mp3", 3), null)),
                FileSpec.bytes(name("090120", 7, "amr"), recorder(scratch, "g.amr", g, RecorderSpec.audio("amr", 3), null)),
                FileSpec.bytes(name("090123", 8, "m4a"), recorder(scratch, "h.m4a", g, RecorderSpec.audio("m4a", 3), null)),
                FileSpec.video(name("090126", 9, "ts"), VideoSpec.small(3, null).asMpegTs()),
                FileSpec.bytes(name("090130", 10, "png"), g.photo(PhotoSpec.png())),
                FileSpec.bytes(name("090131", 11, "jpg"), g.photo(PhotoSpec.jpeg(null, null).withCorruptExif())),
                FileSpec.bytes(name("090200", 12, "wav"), recorder(scratch, "l.wav", g,
                        RecorderSpec.audio("wav", 4).cutTo(0.6), null)),
                FileSpec.bytes(name("090300", 13, "jpg"), "2024-05-01 09:03 photo taken, see notes\n"
                        .getBytes(StandardCharsets.UTF_8)),
                // the camera says 09:10, its name 09:05: five minutes apart
                FileSpec.bytes(name("090500", 14, "jpg"), g.photo(PhotoSpec.jpeg(LocalDateTime.of(2024, 5, 1, 9, 10),
                        ZoneOffset.ofHours(8)))),
                // Art. 8: a video without sound, and a recording with 90 s of silence
                FileSpec.video(name("090600", 15, "mp4"), VideoSpec.small(3, null).withoutAudio()),
                FileSpec.bytes(name("090700", 16, "wav"), recorder(scratch, "p.wav", g,
                        RecorderSpec.audio("wav", 100).silentBetween(5, 95), null)))));
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private static byte[] recorder(Path scratch, String file, SampleDumpGenerator g, RecorderSpec spec,
                                   CameraFileSpec camera) throws IOException {
        Path target = scratch.resolve(file);
        if (spec != null) {
            g.writeRecorderFile(target, spec);
        } else {
            g.writeCameraFile(target, camera);
        }
        return Files.readAllBytes(target);
    }

    Map<String, Map<String, Object>> recordings() {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        jdbc.sql("SELECT file_name, kind, status, container, video_codec, audio_codec, width, height, creation_time, "
                        + "device_start_source, time_problem, status_reason FROM recordings WHERE device_id = ?")
                .param(DEVICE).query().listOfRows().forEach(r -> byName.put((String) r.get("file_name"), r));
        return byName;
    }

    @Test
    void everyFileIsArchivedWithItsKindAndTheTextPretendingToBeAPhotoIsQuarantined() {
        // when
        Map<String, Map<String, Object>> rows = recordings();

        // then
        Map<String, String> kinds = new HashMap<>();
        rows.forEach((file, r) -> kinds.put(file.substring(file.lastIndexOf('_') + 1), (String) r.get("kind")));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("0001.mp4", "VIDEO"),
                Map.entry("0002.jpg", "PHOTO"), Map.entry("0003.mov", "VIDEO"), Map.entry("0004.wav", "AUDIO"),
                Map.entry("0005.avi", "VIDEO"), Map.entry("0006.mp3", "AUDIO"), Map.entry("0007.amr", "AUDIO"),
                Map.entry("0008.m4a", "AUDIO"), Map.entry("0009.ts", "VIDEO"), Map.entry("0010.png", "PHOTO"),
                Map.entry("0011.jpg", "PHOTO"), Map.entry("0012.wav", "AUDIO"), Map.entry("0014.jpg", "PHOTO"),
                Map.entry("0015.mp4", "VIDEO"), Map.entry("0016.wav", "AUDIO")));
        rows.forEach((file, r) -> assertThat(r.get("status")).as(file + ": " + r.get("status_reason"))
                .isEqualTo(file.endsWith("0012.wav") ? "DAMAGED" : "ARCHIVED"));
        assertThat((String) rows.get(name("090200", 12, "wav")).get("status_reason")).contains("RIFF header states");
        Map<String, Object> photo = rows.get(name("090030", 2, "jpg"));
        assertThat(photo.get("width")).isEqualTo(64);
        assertThat(photo.get("video_codec")).isNull();
        assertThat(photo.get("creation_time")).isEqualTo("2024-05-01T01:00:30.500Z");
        Map<String, Object> amr = rows.get(name("090120", 7, "amr"));
        assertThat(amr.get("audio_codec")).isEqualTo("amr_nb");
        assertThat(amr.get("video_codec")).isNull();
        Map<String, Object> text = jdbc.sql("SELECT status, reason FROM dump_files WHERE path = ?")
                .param(name("090300", 13, "jpg")).query().singleRow();
        assertThat(text.get("status")).isEqualTo("QUARANTINED");
        assertThat((String) text.get("reason")).isEqualTo("not a media file: no known container signature");
    }

    @Test
    void aJpegWithCorruptExifTakesItsTimeFromItsNameWithoutAMismatch() {
        // when
        Map<String, Object> corrupt = recordings().get(name("090131", 11, "jpg"));

        // then
        assertThat(corrupt.get("device_start_source")).isEqualTo("FILE_NAME");
        assertThat(corrupt.get("creation_time")).isNull();
        assertThat(corrupt.get("time_problem")).isNull();
        assertThat(findings("TIME_MISMATCH")).extracting(f -> f.get("path")).containsExactly(name("090500", 14, "jpg"));
        assertThat(findings("TIME_UNREADABLE")).isEmpty();
        assertThat((String) findings("TIME_MISMATCH").get(0).get("detail"))
                .contains("EXIF DateTimeOriginal says 2024-05-01T01:10:00Z", "(300.0 s apart)");
    }

    @Test
    void aPhotoBetweenTwoVideosLeavesTheGapAndARecordingOfSoundClosesOne() {
        // when
        List<Map<String, Object>> gaps = findings("GAP");

        // then: 09:00:10 to 09:01:00 stays a gap though a photo was taken at 09:00:30
        assertThat(gaps).anySatisfy(g -> {
            assertThat((String) g.get("recordings")).isEqualTo("[\"" + name("090000", 1, "mp4") + "\",\""
                    + name("090100", 3, "mov") + "\"]");
            assertThat((Double) g.get("seconds")).isCloseTo(50.0, within(0.2));
        });
        // and none starts at the MOV's end: the WAV covers 09:01:10 to 09:01:15
        assertThat(gaps).noneSatisfy(g -> assertThat((String) g.get("recordings")).startsWith("[\""
                + name("090100", 3, "mov")));
        assertThat(gaps).allSatisfy(g -> assertThat((String) g.get("recordings")).doesNotContain(".jpg", ".png"));
    }

    @Test
    void theJsonReportListsEveryRecordingWithItsKindAndCorrectedTime() throws Exception {
        // when
        byte[] json = renderer.render(reports.build(ReportFilter.all()), ReportFormat.JSON);

        // then
        JsonNode device = null;
        for (JsonNode d : Json.MAPPER.readTree(json).get("devices")) {
            device = DEVICE.equals(d.get("deviceId").asText()) ? d : device;
        }
        assertThat(device).isNotNull();
        Map<String, JsonNode> byFile = new HashMap<>();
        device.get("recordings").forEach(r -> byFile.put(r.get("file").asText(), r));
        assertThat(byFile).hasSize(15);
        JsonNode photo = byFile.get(name("090030", 2, "jpg"));
        assertThat(photo.get("kind").asText()).isEqualTo("PHOTO");
        assertThat(OffsetDateTime.parse(photo.get("start").asText()))
                .isEqualTo(OffsetDateTime.parse("2024-05-01T09:00:30+08:00"));
        assertThat(photo.get("end").asText()).isEqualTo(photo.get("start").asText());
        JsonNode wav = byFile.get(name("090110", 4, "wav"));
        assertThat(wav.get("kind").asText()).isEqualTo("AUDIO");
        assertThat(Duration.between(OffsetDateTime.parse(wav.get("start").asText()),
                OffsetDateTime.parse(wav.get("end").asText())).toMillis()).isCloseTo(5000L, within(50L));
        assertThat(byFile.get(name("090115", 5, "avi")).get("kind").asText()).isEqualTo("VIDEO");
        assertThat(byFile.get(name("090126", 9, "ts")).get("kind").asText()).isEqualTo("VIDEO");
        assertThat(byFile.get(name("090123", 8, "m4a")).get("kind").asText()).isEqualTo("AUDIO");
    }

    @Test
    void aVideoWithoutSoundIsNoAudioAndNinetySecondsOfSilenceIsAudioSilentToTheSecond() {
        // when
        List<Map<String, Object>> noAudio = findings("NO_AUDIO");
        List<Map<String, Object>> silent = findings("AUDIO_SILENT");

        // then
        assertThat(noAudio).singleElement().satisfies(f -> assertThat(f.get("path")).isEqualTo(name("090600", 15, "mp4")));
        assertThat(silent).singleElement().satisfies(f -> {
            assertThat(f.get("path")).isEqualTo(name("090700", 16, "wav"));
            assertThat(((OffsetDateTime) f.get("start_at")).toInstant())
                    .isCloseTo(OffsetDateTime.parse("2024-05-01T09:07:05+08:00").toInstant(), within(Duration.ofSeconds(1)));
            assertThat(((OffsetDateTime) f.get("end_at")).toInstant())
                    .isCloseTo(OffsetDateTime.parse("2024-05-01T09:08:35+08:00").toInstant(), within(Duration.ofSeconds(1)));
            assertThat((Double) f.get("seconds")).isCloseTo(90.0, within(1.0));
        });
    }

    @Test
    void theTranscodeJobMakesEachKindItsOwnDerivativesOnly() {
        // when
        assertThat(runs.run("transcodeJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then: sound gets a listening copy, a photo a preview, a video its proxies and poster; nothing crosses over
        Map<String, java.util.Set<String>> made = new HashMap<>();
        jdbc.sql("SELECT r.file_name, d.profile, d.status FROM derivatives d JOIN recordings r ON r.id = d.recording_id "
                        + "WHERE r.device_id = ?").param(DEVICE).query().listOfRows()
                .forEach(row -> made.computeIfAbsent((String) row.get("file_name"), f -> new java.util.TreeSet<>())
                        .add(row.get("profile") + ":" + row.get("status")));
        assertThat(made.get(name("090110", 4, "wav"))).containsExactly("audio-proxy:MADE");
        assertThat(made.get(name("090120", 7, "amr"))).containsExactly("audio-proxy:MADE");
        assertThat(made.get(name("090030", 2, "jpg"))).containsExactly("photo-preview:MADE");
        assertThat(made.get(name("090130", 10, "png"))).containsExactly("photo-preview:MADE");
        assertThat(made.get(name("090115", 5, "avi"))).contains("proxy-720p:MADE", "proxy-360p:MADE", "thumbnail:MADE");
        assertThat(made.get(name("090000", 1, "mp4"))).contains("proxy-720p:MADE", "thumbnail:MADE")
                .noneMatch(p -> p.startsWith("audio-proxy") || p.startsWith("photo-preview"));
    }

    List<Map<String, Object>> findings(String kind) {
        return jdbc.sql("SELECT path, recordings, seconds, detail, start_at, end_at FROM findings WHERE device_id = ? AND kind = ? "
                + "AND superseded_at IS NULL ORDER BY start_at").params(DEVICE, kind).query().listOfRows();
    }
}
