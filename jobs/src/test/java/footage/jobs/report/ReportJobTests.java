package footage.jobs.report;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.jobs.FootageProperties;
import footage.jobs.runs.JobRuns;
import footage.pipeline.archive.DurableFiles;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJobTests extends ReportTestBase {

    @Autowired
    JobRuns runs;
    @Autowired
    FootageProperties properties;

    @Test
    void writesTheReportInEveryFormatAndRecordsItsHashesInTheLedger() throws Exception {
        // given
        CatalogRows.Scenario s = rows().scenario();
        String headBefore = jdbc.sql("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1").query(String.class).optional()
                .orElse("0".repeat(64));

        // when
        JobExecution execution = runs.run("reportJob");

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> entry = jdbc.sql("SELECT entry_type, subject, actor, payload FROM ledger ORDER BY seq DESC LIMIT 1")
                .query().singleRow();
        assertThat(entry.get("ENTRY_TYPE")).isEqualTo("REPORT_WRITTEN");
        String base = entry.get("SUBJECT").toString().substring("report:".length());
        assertThat(base).matches("gaps-\\d{8}-\\d{6}(-\\d+)?");
        JsonNode payload = Json.MAPPER.readTree(entry.get("PAYLOAD").toString());
        assertThat(payload.get("reportLedgerHead").asText()).isEqualTo(headBefore);
        JsonNode files = payload.get("files");
        for (String extension : List.of("json", "csv", "html", "pdf")) {
            Path file = properties.reports().resolve(base + "." + extension);
            assertThat(file).isRegularFile();
            assertThat(files.get(file.getFileName().toString()).asText()).isEqualTo(DurableFiles.sha256(file));
        }
        assertThat(files).hasSize(4);
        try (Stream<Path> left = Files.list(properties.reports())) {
            assertThat(left.filter(DurableFiles::isTemp)).isEmpty();
        }
        JsonNode json = Json.MAPPER.readTree(properties.reports().resolve(base + ".json").toFile());
        assertThat(json.get("ledgerHead").asText()).isEqualTo(headBefore);
        assertThat(json.get("devices").findValuesAsString("deviceId")).contains(s.device());
    }

    @Test
    void twoRunsInOneSecondDoNotReplaceEachOthersFiles() {
        // when
        JobExecution first = runs.run("reportJob");
        JobExecution second = runs.run("reportJob");

        // then
        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> subjects = jdbc.sql("SELECT subject FROM ledger WHERE entry_type = 'REPORT_WRITTEN' ORDER BY seq DESC LIMIT 2")
                .query(String.class).list();
        assertThat(subjects).doesNotHaveDuplicates();
    }
}
