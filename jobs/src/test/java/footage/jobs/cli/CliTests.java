package footage.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTests {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandIsAUsageErrorWithOneLineReasonAndTheUsage() {
        // when
        int code = run();

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err().lines().findFirst()).contains("footage: no command given");
        assertThat(err()).contains("usage: footage");
    }

    @Test
    void unknownCommandAndOptionAndMissingSubCommandExit2() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).startsWith("footage: unknown command 'frobnicate'");
        err.reset();
        assertThat(run("ingest", "--fast")).isEqualTo(2);
        assertThat(err()).startsWith("footage: unknown option --fast for ingest");
        err.reset();
        assertThat(run("catalog")).isEqualTo(2);
        assertThat(err()).startsWith("footage: catalog needs a sub-command: catalog list");
        err.reset();
        assertThat(run("probe")).isEqualTo(2);
        assertThat(err()).startsWith("footage: probe needs an argument: footage probe FILE...");
        err.reset();
        assertThat(run("catalog", "list", "extra")).isEqualTo(2);
        assertThat(err()).startsWith("footage: catalog list takes no arguments, got: extra");
        err.reset();
        assertThat(run("--footage.ingest.quiet-period")).isEqualTo(2);
        assertThat(err()).startsWith("footage: --footage.ingest.quiet-period needs a value");
    }

    @Test
    void badConfigurationExits2WithAOneLineReason() {
        // when
        int code = run("--home", tmp.toString(), "--footage.ingest.quiet-period=-5s", "ingest");

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err().lines().count()).isEqualTo(1);
        assertThat(err()).startsWith("footage: bad configuration:").contains("quiet-period must not be negative");
    }

    @Test
    void probePrintsAJsonArrayWithOneObjectPerFileAndReasonsForBadOnes() throws Exception {
        // given
        Path video = tmp.resolve("a.mp4");
        new SampleDumpGenerator().writeVideo(video, VideoSpec.small(2, "2019-02-17T01:30:00Z"));
        Path text = Files.writeString(tmp.resolve("b.mp4"), "hello");

        // when
        int code = run("probe", video.toString(), text.toString());

        // then
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("file").asText()).isEqualTo(video.toString());
        assertThat(json.get(0).get("creationTime").asText()).isEqualTo("2019-02-17T01:30:00Z");
        assertThat(json.get(0).get("streams").get(0).get("codec").asText()).isEqualTo("h264");
        assertThat(json.get(1).get("readable").asBoolean()).isFalse();
        assertThat(json.get(1).get("error").asText()).isNotBlank();
    }

    @Test
    void ingestOfAnEmptyDropCompletesAndPrintsTheSummary() {
        // when
        int code = run("--home", tmp.toString(), "ingest");

        // then
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("ingest: COMPLETED").contains("dumps:").contains("quarantined:").contains("bytes:");
        out.reset();
        assertThat(run("--home", tmp.toString(), "jobs", "list")).isZero();
        assertThat(out()).contains("ingestJob").contains("COMPLETED");
        out.reset();
        assertThat(run("--home", tmp.toString(), "catalog", "list")).isZero();
        assertThat(out()).contains("0 recording(s)");
    }
}
