package footage.jobs.cli;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void noCommandIsAUsageErrorInOneLine() {
        // when
        int code = run();

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err().lines().toList()).containsExactly("footage: no command given (see 'footage help')");
    }

    @Test
    void usageErrorsExit2WithOneLineNamingTheProblemAndWhereHelpIs() {
        String[][] lines = {{"frobnicate"}, {"ingest", "--fast"}, {"catalog"}, {"probe"}, {"catalog", "list", "extra"},
                {"--footage.ingest.quiet-period"}, {"jobs", "show", "abc"}, {"jobs", "list", "--status", "weird"},
                {"hold", "set", "--case", "C1", "--recording", "7", "--reason", "r", "--by", "u"},
                {"retention", "set", "12", "--class", "FOREVER", "--by", "u"}, {"help", "nope"}};
        String[] expected = {"footage: unknown command 'frobnicate' (see 'footage help')",
                "footage: Unknown option: '--fast' (see 'footage help ingest')",
                "footage: catalog needs a sub-command: list (see 'footage help catalog')",
                "footage: Missing required parameter: 'FILE' (see 'footage help probe')",
                "footage: Unmatched argument at index 2: 'extra' (see 'footage help catalog list')",
                "footage: --footage.ingest.quiet-period needs a value: --footage.ingest.quiet-period=VALUE",
                "footage: Invalid value for positional parameter at index 0 (ID): 'abc' is not a long (see 'footage help jobs show')",
                "footage: Invalid value for option '--status': expected one of [COMPLETED, STARTING, STARTED, STOPPING, STOPPED, FAILED, "
                        + "ABANDONED, UNKNOWN] (case-insensitive) but was 'weird' (see 'footage help jobs list')",
                "footage: --case=ID, --recording=ID are mutually exclusive (specify only one) (see 'footage help hold set')",
                "footage: Invalid value for option '--class': expected one of [STANDARD, PERMANENT] (case-insensitive) but was 'FOREVER' (see 'footage help retention set')",
                "footage: unknown command 'nope' (see 'footage help')"};
        for (int i = 0; i < lines.length; i++) {
            // given
            err.reset();

            // when
            int code = run(lines[i]);

            // then
            assertThat(code).as(String.join(" ", lines[i])).isEqualTo(2);
            assertThat(err().lines().toList()).as(String.join(" ", lines[i])).containsExactly(expected[i]);
        }
    }

    @Test
    void helpListsEveryCommandAndEachCommandsOptionsWithoutStartingTheApplication() {
        // when
        int all = run("help");
        String usage = out();
        out.reset();
        int viaHelp = run("help", "hold", "set");
        String holdSet = out();
        out.reset();
        int viaOption = run("--home", tmp.resolve("never-made").toString(), "hold", "set", "--help");

        // then
        assertThat(List.of(all, viaHelp, viaOption)).containsOnly(0);
        assertThat(usage).contains("demo", "ingest", "probe", "explain", "continuity", "activities", "catalog", "report", "verify",
                "fixity", "export", "transcode", "retention", "hold", "sweep", "jobs", "serve", "Exit codes: 0 done");
        assertThat(holdSet).startsWith("Usage: footage hold set").contains("--case=ID", "--recording=ID", "--reason=TEXT", "--by=USER");
        assertThat(out()).isEqualTo(holdSet);
        assertThat(tmp.resolve("never-made")).doesNotExist();
        assertThat(err()).isEmpty();
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
    void aCatalogThatCannotBeReachedIsSaidSoAndNotCalledBadConfiguration() {
        // given a PostgreSQL catalog on a port nobody listens on
        String url = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/footage";

        // when
        int code = run("--home", tmp.toString(), "--spring.profiles.active=postgres", url, "jobs", "list");

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err().lines().toList()).singleElement().asString()
                .startsWith("footage: the catalog database (spring.datasource.url) cannot be opened: ")
                .contains("refused");
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
        JsonNode json = Json.MAPPER.readTree(out());
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
