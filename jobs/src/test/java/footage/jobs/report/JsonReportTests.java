package footage.jobs.report;

import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import footage.jobs.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON report against docs/formats.md §7, field by field. */
class JsonReportTests extends ReportTestBase {

    @Autowired
    Ledger ledger;

    @Test
    void followsTheSchemaOfDesign7() throws Exception {
        // given
        CatalogRows.Scenario s = rows().scenario();
        CatalogRows rows = rows();

        // when
        byte[] bytes = renderer.render(builder.build(new ReportFilter(s.device(), null, null)), ReportFormat.JSON);
        JsonNode json = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));

        // then
        assertThat(names(json)).containsExactly("schema", "generatedAt", "ledgerHead", "devices");
        assertThat(json.get("schema").asText()).isEqualTo("footage-gap-report/1");
        assertThat(json.get("generatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(json.get("ledgerHead").asText()).isEqualTo(ledger.headHash()).matches("[0-9a-f]{64}");

        JsonNode device = json.get("devices").get(0);
        assertThat(json.get("devices")).hasSize(1);
        assertThat(names(device)).containsExactly("deviceId", "clockOffsetSeconds", "recordings", "findings");
        assertThat(device.get("deviceId").asText()).isEqualTo(s.device());
        assertThat(device.get("clockOffsetSeconds").isDouble()).isTrue();
        assertThat(device.get("clockOffsetSeconds").asDouble()).isEqualTo(95.0);

        JsonNode a = device.get("recordings").get(0);
        assertThat(device.get("recordings")).hasSize(3);
        assertThat(names(a)).containsExactly("id", "file", "sha256", "start", "end", "durationSeconds", "status",
                "kind");
        assertThat(a.get("kind").asText()).isEqualTo("VIDEO");
        assertThat(a.get("id").asText()).isEqualTo(Long.toString(s.recordingA()));
        assertThat(a.get("id").isString()).isTrue();
        assertThat(a.get("file").asText()).isEqualTo(s.fileA());
        assertThat(a.get("sha256").asText()).isEqualTo(rows.sha256(s.recordingA()));
        assertThat(a.get("start").asText()).isEqualTo("2019-02-17T09:30:00+08:00");
        assertThat(a.get("end").asText()).isEqualTo("2019-02-17T09:40:00+08:00");
        assertThat(a.get("durationSeconds").asDouble()).isEqualTo(600.0);
        assertThat(a.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(device.get("recordings").get(1).get("status").asText()).isEqualTo("DAMAGED");
        assertThat(device.get("recordings").get(1).get("end").asText()).isEqualTo("2019-02-17T09:47:00+08:00");

        JsonNode findings = device.get("findings");
        assertThat(findings).hasSize(3);
        JsonNode gap = findings.get(0);
        assertThat(names(gap)).containsExactly("id", "kind", "start", "end", "seconds", "recordings", "activityId", "explanation");
        assertThat(gap.get("id").asText()).isEqualTo(s.gap());
        assertThat(gap.get("kind").asText()).isEqualTo("GAP");
        assertThat(gap.get("start").asText()).isEqualTo("2019-02-17T09:40:00+08:00");
        assertThat(gap.get("end").asText()).isEqualTo("2019-02-17T09:42:00+08:00");
        assertThat(gap.get("seconds").asDouble()).isEqualTo(120.0);
        assertThat(gap.get("recordings").get(0).asText()).isEqualTo(s.fileA());
        assertThat(gap.get("recordings").get(1).asText()).isEqualTo(s.fileB());
        assertThat(gap.get("activityId").isNull()).isTrue();
        assertThat(gap.get("explanation").isNull()).isTrue();

        JsonNode explained = findings.get(1);
        assertThat(explained.get("id").asText()).isEqualTo(s.explainedGap());
        assertThat(explained.get("activityId").asText()).startsWith("ACT-");
        JsonNode explanation = explained.get("explanation");
        assertThat(names(explanation)).containsExactly("reason", "note", "by", "at");
        assertThat(explanation.get("reason").asText()).isEqualTo("WEATHER");
        assertThat(explanation.get("note").asText()).isEqualTo("=cmd() <script>alert('x')</script> 暴雨");
        assertThat(explanation.get("by").asText()).isEqualTo("李四");
        assertThat(explanation.get("at").asText()).isEqualTo("2019-02-18T08:00:00+08:00");

        JsonNode drift = findings.get(2);
        assertThat(drift.get("kind").asText()).isEqualTo("CLOCK_DRIFT");
        assertThat(drift.get("start").asText()).isEqualTo(drift.get("end").asText()).isEqualTo("2019-02-17T18:05:12+08:00");
        assertThat(drift.get("seconds").asDouble()).isEqualTo(95.0);
        assertThat(drift.get("recordings").isArray()).isTrue();
        assertThat(drift.get("recordings")).isEmpty();
    }

    @Test
    void anEmptyReportStillNamesItsSchemaAndLedgerHead() throws Exception {
        // when
        byte[] bytes = renderer.render(builder.build(new ReportFilter("NO-SUCH-DEVICE", null, null)), ReportFormat.JSON);
        JsonNode json = Json.MAPPER.readTree(bytes);

        // then
        assertThat(json.get("schema").asText()).isEqualTo("footage-gap-report/1");
        assertThat(json.get("devices").isArray()).isTrue();
        assertThat(json.get("devices")).isEmpty();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        names.addAll(node.propertyNames());
        return names;
    }
}
