package footage.jobs.transcode;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import tools.jackson.databind.ObjectMapper;
import footage.jobs.FootageProperties;
import footage.jobs.runs.JobRuns;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * transcodeJob end to end on real recordings (made by the project's generator, ingested by the real ingest job), real
 * FFmpeg and a real catalog; the proxies checked with the FFmpeg build's own ffprobe. Once per catalog database.
 */
abstract class AbstractTranscodeJobTests {

    private static final ObjectMapper JSON = Json.MAPPER;

    @Autowired
    JobRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;
    @Autowired
    org.springframework.context.ApplicationContext context;

    /** 320x240 at 10 fps with AAC, index at the end as a recorder writes it; distinct bytes via creation_time. */
    private static VideoSpec recording(double seconds, int minute) {
        return new VideoSpec(320, 240, 10, seconds, true, String.format("2019-02-17T09:%02d:00Z", minute), VideoSpec.MP4, false, 1.0);
    }

    private static String name(int seq, String extension) {
        return String.format("DSJ0000600_100234_20190217_0930%02d_%04d.%s", seq, seq, extension);
    }

    @Test
    void makesEveryProxyOnceLeavesTheOriginalsUntouchedAndAccountsForTheDamagedOnes() throws Exception {
        // given five recordings: plain, MPEG-TS, without audio, cut short (still opens), cut before its index
        new SampleDumpGenerator().writeDump(properties.drop(), new DumpSpec("ST01_DSJ0000600_20190217180512", "ST01",
                "DSJ0000600", "100234", "张三", "2019-02-17T18:05:12+08:00", "2019-02-17T18:05:12+08:00", true, List.of(
                FileSpec.video(name(1, "mp4"), recording(2, 1)),
                FileSpec.video(name(2, "ts"), recording(2, 2).asMpegTs()),
                FileSpec.video(name(3, "mp4"), recording(1, 3).withoutAudio()),
                FileSpec.video(name(4, "mp4"), new VideoSpec(320, 240, 10, 3, true, "2019-02-17T09:04:00Z",
                        VideoSpec.MP4, true, 1.0).truncatedTo(0.6)),
                FileSpec.video(name(5, "mp4"), recording(2, 5).truncatedTo(0.5)))));
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> archiveBefore = tree(properties.archive());
        long ledgerBefore = count("SELECT COUNT(*) FROM ledger");

        // when
        JobExecution execution = runs.run("transcodeJob");

        // then the job ran its partitions and catalogued a row per recording and profile meant for it
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName)
                .contains("transcodeCleanupStep", "transcodeStep", "transcodeWorkerStep:partition0",
                        "transcodeWorkerStep:partition1");
        assertThat(rows("SELECT r.file_name || ' ' || d.profile || ' ' || d.status || ' ' || COALESCE(d.method, '-') "
                + "|| ' ' || CASE WHEN d.partial THEN 'partial' ELSE 'whole' END FROM derivatives d "
                + "JOIN recordings r ON r.id = d.recording_id ORDER BY r.file_name, d.profile")).containsExactly(
                name(1, "mp4") + " proxy-360p MADE ENCODE whole",
                name(1, "mp4") + " proxy-720p MADE REMUX whole",
                name(1, "mp4") + " thumbnail MADE THUMBNAIL whole",
                name(2, "ts") + " proxy-360p MADE ENCODE whole",
                name(2, "ts") + " proxy-720p MADE REMUX whole",
                name(2, "ts") + " remux-mp4 MADE REMUX whole",
                name(2, "ts") + " thumbnail MADE THUMBNAIL whole",
                name(3, "mp4") + " proxy-360p MADE ENCODE whole",
                name(3, "mp4") + " proxy-720p MADE REMUX whole",
                name(3, "mp4") + " thumbnail MADE THUMBNAIL whole",
                name(4, "mp4") + " proxy-360p MADE ENCODE partial",
                name(4, "mp4") + " proxy-720p MADE REMUX partial",
                name(4, "mp4") + " thumbnail MADE THUMBNAIL partial",
                name(5, "mp4") + " proxy-360p SKIPPED - whole",
                name(5, "mp4") + " proxy-720p SKIPPED - whole",
                name(5, "mp4") + " thumbnail SKIPPED - whole");

        // and every proxy is what its profile says, by ffprobe, next to the original's facts
        for (Map<String, Object> d : jdbc.sql("SELECT d.profile, d.path, d.sha256, d.size_bytes, d.partial, d.media_seconds, "
                + "r.duration_seconds, r.audio_codec, r.sha256 AS original FROM derivatives d JOIN recordings r "
                + "ON r.id = d.recording_id WHERE d.status = 'MADE' AND d.profile <> 'thumbnail'").query().listOfRows()) {
            Path file = properties.proxies().resolve((String) d.get("path"));
            String what = d.get("profile") + " " + file.getFileName();
            assertThat(DurableFiles.sha256(file)).as(what).isEqualTo(d.get("sha256"));
            assertThat(Files.size(file)).as(what).isEqualTo(((Number) d.get("size_bytes")).longValue());
            assertThat(file.getFileName().toString()).startsWith((String) d.get("original"));
            JsonNode probe = Ffprobe.probe(file);
            JsonNode video = Ffprobe.stream(probe, "video");
            assertThat(video.get("codec_name").asText()).as(what).isEqualTo("h264");
            assertThat(video.get("height").asInt()).as(what).isLessThanOrEqualTo(d.get("profile").equals("proxy-360p") ? 360 : 720);
            List<String> boxes = Ffprobe.topLevelBoxes(file);
            assertThat(boxes.indexOf("moov")).as("%s faststart: %s", what, boxes).isLessThan(boxes.indexOf("mdat"));
            assertThat(Ffprobe.stream(probe, "audio") != null).as(what + " has audio").isEqualTo(d.get("audio_codec") != null);
            double expected = (Boolean) d.get("partial") ? ((Number) d.get("media_seconds")).doubleValue()
                    : ((Number) d.get("duration_seconds")).doubleValue();
            assertThat(Ffprobe.duration(probe)).as(what).isCloseTo(expected, within(0.1));
            if ((Boolean) d.get("partial")) {
                assertThat(expected).as(what).isLessThan(((Number) d.get("duration_seconds")).doubleValue() - 0.5);
            }
        }
        for (String path : rows("SELECT path FROM derivatives WHERE profile = 'thumbnail' AND status = 'MADE'")) {
            JsonNode picture = Ffprobe.stream(Ffprobe.probe(properties.proxies().resolve(path)), "video");
            assertThat(picture.get("codec_name").asText()).isEqualTo("mjpeg");
            assertThat(picture.get("height").asInt()).isEqualTo(240);
        }

        // and the damaged original that does not open is accounted for with its reason, in the catalog and the ledger
        assertThat(rows("SELECT DISTINCT reason FROM derivatives WHERE status = 'SKIPPED'"))
                .singleElement().asString().startsWith("damaged original: FFmpeg cannot open it");
        assertThat(rows("SELECT reason FROM derivatives WHERE partial")).allMatch(r -> r.contains("as far as it"));

        // and each row has its ledger entry, derived from the original's SHA-256; each recording with a stream the
        // ingest could see (not the one cut before its index) its decode check's, done on the way by proxy-360p
        assertThat(count("SELECT COUNT(*) FROM ledger") - ledgerBefore).isEqualTo(16 + 4);
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DECODE_CHECKED'")).isEqualTo(4);
        assertThat(rows("SELECT file_name FROM recordings WHERE decode_checked_at IS NULL")).containsExactly(name(5, "mp4"));
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DERIVATIVE_SKIPPED'")).isEqualTo(3);
        for (Map<String, Object> d : jdbc.sql("SELECT d.id, d.profile, d.sha256, d.path, r.sha256 AS original FROM derivatives d "
                + "JOIN recordings r ON r.id = d.recording_id WHERE d.status = 'MADE'").query().listOfRows()) {
            JsonNode payload = JSON.readTree(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'DERIVATIVE_MADE' "
                    + "AND subject = ?").param("derivative:" + d.get("id")).query(String.class).single());
            assertThat(payload.get("originalSha256").asText()).isEqualTo(d.get("original"));
            assertThat(payload.get("profile").asText()).isEqualTo(d.get("profile"));
            assertThat(payload.get("sha256").asText()).isEqualTo(d.get("sha256"));
            assertThat(payload.get("path").asText()).isEqualTo(d.get("path"));
            assertThat(payload.get("profileSha256").asText()).hasSize(64);
        }

        // and the originals are byte for byte what was archived
        assertThat(tree(properties.archive())).isEqualTo(archiveBefore);
        archiveBefore.forEach((path, sha) -> assertThat(path).contains(sha));

        // when run again
        Map<String, String> proxiesOnce = tree(properties.proxies());
        long ledgerOnce = count("SELECT COUNT(*) FROM ledger");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = footage.jobs.cli.Cli.run(context, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "transcode");

        // then nothing is made twice
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("transcode: COMPLETED").contains("made:     0 ")
                .contains("skipped:  0 ").contains("failed:   0 ");
        assertThat(tree(properties.proxies())).isEqualTo(proxiesOnce);
        assertThat(count("SELECT COUNT(*) FROM ledger")).isEqualTo(ledgerOnce);
        assertThat(proxiesOnce.keySet()).noneMatch(p -> p.contains(DurableFiles.TEMP_PREFIX));
        assertThat(proxiesOnce).hasSize(13);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> rows(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    /** Every regular file below {@code dir} (relative path → SHA-256). */
    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString(), DurableFiles.sha256(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
