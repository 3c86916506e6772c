package footage.jobs.transcode;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import tools.jackson.databind.ObjectMapper;
import footage.jobs.FootageProperties;
import footage.jobs.cli.TestCommands;
import footage.jobs.runs.JobRuns;
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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The decode check end to end: a recording with 30 % of its middle overwritten (its index intact, so the ingest,
 * which reads the index, archives it) and a clean one, made by the project's generator, ingested by the real ingest
 * job, then {@code transcodeJob} with real FFmpeg: the damaged one is DAMAGED with "N decode errors between t1 and t2"
 * and a DAMAGED finding over those seconds, the clean one is checked with 0 errors and has no finding. Subclasses
 * choose the profiles (the check on the way of a proxy encode, or a check of its own) and the catalog database.
 */
abstract class AbstractDecodeCheckJobTests {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Pattern REASON = Pattern.compile("(\\d+) decode errors between (\\d+\\.\\d\\d) s and (\\d+\\.\\d\\d) s");

    @Autowired
    JobRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;
    @Autowired
    org.springframework.context.ApplicationContext commands;

    /** How the check is expected to have been done: {@code transcode proxy-360p} or {@code decode check}. */
    abstract String checkedBy();

    private static String name(int seq) {
        return String.format("DSJ0000700_100234_20190217_0930%02d_%04d.mp4", seq, seq);
    }

    @Test
    void aRecordingDamagedInsideIsFoundDamagedWithItsErrorsPlacedAndACleanOneIsCheckedClean() throws Exception {
        // given an 8 s recording with 30 % of its middle overwritten, and a clean one
        Path scratch = Files.createTempDirectory("footage-decode-");
        Path damaged = scratch.resolve("damaged.mp4");
        new SampleDumpGenerator().writeVideo(damaged,
                new VideoSpec(320, 240, 25, 8, true, "2019-02-17T09:30:01Z", VideoSpec.MP4, false, 1.0));
        SampleDumpGenerator.overwriteMiddle(damaged, 0.3, 14);
        new SampleDumpGenerator().writeDump(properties.drop(), new DumpSpec("ST01_DSJ0000700_20190217180512", "ST01",
                "DSJ0000700", "100234", "张三", "2019-02-17T18:05:12+08:00", "2019-02-17T18:05:12+08:00", true, List.of(
                FileSpec.bytes(name(1), Files.readAllBytes(damaged)),
                FileSpec.video(name(20), new VideoSpec(320, 240, 25, 4, true, "2019-02-17T09:30:20Z", VideoSpec.MP4,
                        false, 1.0)))));
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(status(name(1))).as("the ingest reads the index only").isEqualTo("ARCHIVED");
        long ledgerBefore = count("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DECODE_CHECKED'");

        // when
        JobExecution execution = runs.run("transcodeJob");

        // then the job checked both and analysed the device last
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName).contains("transcodeContinuityStep");
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DECODE_CHECKED'") - ledgerBefore).isEqualTo(2);

        // and the damaged recording is DAMAGED with its errors counted and placed in its middle
        Map<String, Object> row = jdbc.sql("SELECT id, status, status_reason, decode_errors, decode_errors_json, "
                + "damage_from_seconds, damage_to_seconds, corrected_start, decode_checked_at FROM recordings "
                + "WHERE file_name = ?").param(name(1)).query().singleRow();
        assertThat(row.get("status")).isEqualTo("DAMAGED");
        Matcher reason = REASON.matcher((String) row.get("status_reason"));
        assertThat(reason.matches()).as((String) row.get("status_reason")).isTrue();
        long errors = Long.parseLong(reason.group(1));
        double from = Double.parseDouble(reason.group(2));
        double to = Double.parseDouble(reason.group(3));
        assertThat(errors).isGreaterThan(10).isEqualTo(((Number) row.get("decode_errors")).longValue());
        assertThat(from).isBetween(1.5, 4.0);
        assertThat(to).isBetween(4.0, 6.5);
        assertThat(((Number) row.get("damage_from_seconds")).doubleValue()).isCloseTo(from, within(0.005));
        assertThat(((Number) row.get("damage_to_seconds")).doubleValue()).isCloseTo(to, within(0.005));
        assertThat(row.get("decode_checked_at")).isNotNull();
        JsonNode json = JSON.readTree((String) row.get("decode_errors_json"));
        assertThat(json.get("count").asLong()).isEqualTo(errors);
        assertThat(json.get("positions").size()).isBetween(10, 100);
        json.get("positions").forEach(p -> assertThat(p.asDouble()).isBetween(from - 0.005, to + 0.005));
        JsonNode entry = JSON.readTree(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'DECODE_CHECKED' AND subject = ?")
                .param("recording:" + row.get("id")).query(String.class).single());
        assertThat(entry.get("by").asText()).isEqualTo(checkedBy());
        assertThat(entry.get("statusChanged").asBoolean()).isTrue();
        assertThat(entry.get("count").asLong()).isEqualTo(errors);

        // and the findings have a DAMAGED finding on it, saying so, from corrected start + t1 to corrected start + t2
        OffsetDateTime start = (OffsetDateTime) jdbc.sql("SELECT corrected_start FROM recordings WHERE file_name = ?")
                .param(name(1)).query(OffsetDateTime.class).single();
        Map<String, Object> finding = jdbc.sql("SELECT detail, start_at, end_at, seconds FROM findings WHERE kind = 'DAMAGED' "
                + "AND recording_id = ? AND superseded_at IS NULL").param(row.get("id")).query().singleRow();
        assertThat(finding.get("detail")).isEqualTo(row.get("status_reason"));
        assertThat(instant(finding.get("start_at"))).isEqualTo(start.toInstant().plusNanos(Math.round(from * 1e9)));
        assertThat(instant(finding.get("end_at"))).isEqualTo(start.toInstant().plusNanos(Math.round(to * 1e9)));

        // and the clean one is checked, with 0 errors, ARCHIVED, without a finding
        Map<String, Object> clean = jdbc.sql("SELECT id, status, decode_errors, decode_checked_at FROM recordings "
                + "WHERE file_name = ?").param(name(20)).query().singleRow();
        assertThat(clean.get("status")).isEqualTo("ARCHIVED");
        assertThat(((Number) clean.get("decode_errors")).longValue()).isZero();
        assertThat(clean.get("decode_checked_at")).isNotNull();
        assertThat(count("SELECT COUNT(*) FROM findings WHERE kind = 'DAMAGED' AND recording_id = " + clean.get("id"))).isZero();

        // and verify finds catalog and ledger agreeing: the DAMAGED status has its DECODE_CHECKED entry
        ByteArrayOutputStream verified = new ByteArrayOutputStream();
        assertThat(TestCommands.run(commands, "verify", List.of(), Map.of(),
                new PrintStream(verified, true, StandardCharsets.UTF_8), System.err))
                .as(verified.toString(StandardCharsets.UTF_8)).isZero();

        // when run again, nothing is checked twice
        assertThat(runs.run("transcodeJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DECODE_CHECKED'") - ledgerBefore).isEqualTo(2);

        // when forced, both are checked again, to the same result, and the finding stays as it was
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TestCommands.run(commands, "transcode", List.of(), Map.of("recheck-decode", ""),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 recording(s) to decode-check again")
                .contains("decoded:  2 recording(s) decode-checked, 1 with decode errors");
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DECODE_CHECKED'") - ledgerBefore).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM ledger WHERE entry_type = 'DECODE_CHECK_RESET'")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status_reason FROM recordings WHERE file_name = ?").param(name(1))
                .query(String.class).single()).isEqualTo(row.get("status_reason"));
        assertThat(count("SELECT COUNT(*) FROM findings WHERE kind = 'DAMAGED' AND superseded_at IS NULL")).isEqualTo(1);
    }

    private String status(String fileName) {
        return jdbc.sql("SELECT status FROM recordings WHERE file_name = ?").param(fileName).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static java.time.Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) timestamp).toInstant();
    }
}
