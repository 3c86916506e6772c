package footage.jobs.report;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.jobs.cli.Cli;
import footage.jobs.cli.TestCommands;
import footage.jobs.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static footage.jobs.report.CatalogRows.cst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ReportGapsCommandTests extends ReportTestBase {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    org.springframework.context.ApplicationContext context;

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> options) {
        return TestCommands.run(context, "report gaps", List.of(), options,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheJsonReportOfOneDeviceAndWindowAsUtf8() throws Exception {
        // given
        CatalogRows.Scenario s = rows().scenario();

        // when
        int code = run(Map.of("device", s.device(), "from", "2019-02-17 09:41", "to", "2019-02-17T01:45:00Z"));

        // then
        assertThat(code).isZero();
        JsonNode json = Json.MAPPER.readTree(out.toByteArray());
        JsonNode device = json.get("devices").get(0);
        assertThat(device.get("recordings")).hasSize(1);
        assertThat(device.get("recordings").get(0).get("file").asText()).isEqualTo(s.fileB());
        assertThat(device.get("findings").get(0).get("id").asText()).isEqualTo(s.gap());
    }

    @Test
    void writesEachFormatToTheOutFile() throws Exception {
        // given
        CatalogRows.Scenario s = rows().scenario();

        for (String format : List.of("csv", "html", "pdf")) {
            // when
            Path file = tmp.resolve("gaps." + format);
            int code = run(Map.of("device", s.device(), "format", format, "out", file.toString()));

            // then
            assertThat(code).isZero();
            assertThat(file).isRegularFile();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote " + file);
        }
        assertThat(Files.readString(tmp.resolve("gaps.csv"))).contains("'=cmd()");
        assertThat(Files.readString(tmp.resolve("gaps.html"))).contains("张三");
        assertThat(Files.readAllBytes(tmp.resolve("gaps.pdf"))).startsWith("%PDF-".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aBadFormatOrTimeIsAUsageError() {
        // when
        int format = run(Map.of("format", "xml"));
        int time = run(Map.of("from", "yesterday"));
        int order = run(Map.of("from", "2019-02-18", "to", "2019-02-16"));

        // then each is refused with exit 2 and a one-line reason naming what was wrong
        assertThat(List.of(format, time, order)).containsOnly(2);
        List<String> reasons = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).contains("--format").contains("xml").contains("JSON, CSV, HTML, PDF");
        assertThat(reasons.get(1)).contains("--from").contains("yesterday");
        assertThat(reasons.get(2)).contains("after");
    }

    @Test
    void timesAreOffsetDateTimesOrLocalTimesInTheReportZone() {
        // then
        assertThat(ReportGapsCommand.time("from", "2019-02-17T01:30:00Z", SHANGHAI, false)).isEqualTo(cst("2019-02-17T09:30:00"));
        assertThat(ReportGapsCommand.time("from", "2019-02-17T09:30", SHANGHAI, false)).isEqualTo(cst("2019-02-17T09:30:00"));
        assertThat(ReportGapsCommand.time("from", "2019-02-17 09:30:15", SHANGHAI, false)).isEqualTo(cst("2019-02-17T09:30:15"));
        assertThat(ReportGapsCommand.time("from", "2019-02-17", SHANGHAI, false)).isEqualTo(cst("2019-02-17T00:00:00"));
        // a day given as the end of the window means all of that day
        assertThat(ReportGapsCommand.time("to", "2019-02-17", SHANGHAI, true)).isEqualTo(cst("2019-02-18T00:00:00"));
        assertThat(ReportGapsCommand.time("to", null, SHANGHAI, true)).isNull();
    }

    @Test
    void theCommandLineExits2OnABadFormatAnd0WithTheReport() {
        // given
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        // when
        int bad = cli.run(new String[] {"--home", tmp.toString(), "report", "gaps", "--format", "docx"});
        String badErr = err.toString(StandardCharsets.UTF_8);
        int good = cli.run(new String[] {"--home", tmp.toString(), "report", "gaps", "--format", "csv", "--lang", "en"});
        String english = out.toString(StandardCharsets.UTF_8);
        out.reset();
        int chinese = cli.run(new String[] {"--home", tmp.toString(), "report", "gaps", "--format", "csv"});
        String chineseCsv = out.toString(StandardCharsets.UTF_8);
        err.reset();
        int badLanguage = cli.run(new String[] {"--home", tmp.toString(), "report", "gaps", "--lang", "fr"});

        // then
        assertThat(bad).isEqualTo(2);
        assertThat(badErr).startsWith("footage: Invalid value for option '--format': expected one of [JSON, CSV, HTML, PDF] (case-insensitive) but was 'docx'");
        assertThat(good).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(english).startsWith("finding_id,device,kind,");
        assertThat(chinese).isZero();
        assertThat(chineseCsv).startsWith("发现编号,设备,类型,开始,结束,秒,");
        assertThat(badLanguage).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("footage: --lang must be zh-CN or en, not 'fr'");
    }

    @Test
    void anImpossibleDateIsAOneLineUsageErrorNever29February() {
        // given
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        // when
        int code = cli.run(new String[] {"--home", tmp.toString(), "report", "gaps", "--from", "2024-02-30"});

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("footage: --from: '2024-02-30' is not a real date or time: "
                + "Invalid date 'FEBRUARY 30'").hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(catchThrowable(() -> ReportGapsCommand.time("to", "2023-02-29 10:00", SHANGHAI, true)))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--to: '2023-02-29 10:00' is not a real date or time");
    }
}
