package footage.jobs.report;

import footage.pipeline.continuity.FindingKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gap-report JSON is a contract other systems parse and compare: the committed file was written by the
 * Jackson 2 code this project had before moving to Boot's Jackson 3, and every later version must write the same bytes.
 */
class JsonReportBytesTests {

    @Test
    void writesTheSameBytesAsTheCommittedReport() throws IOException {
        // given a report with every field: a registered device, a null offset, an explanation, escapes and CJK text
        OffsetDateTime t = OffsetDateTime.parse("2019-02-17T09:30:00+08:00");
        GapReport.Officer officer = new GapReport.Officer("P001", "张三");
        GapReport.Device registered = new GapReport.Device("DSJ0001234", 95.0, List.of(officer),
                List.of(new GapReport.Recording("1", "a/b/DSJ_0001.mp4", "ab".repeat(32), t, t.plusMinutes(10), 600.0,
                                "ARCHIVED"),
                        new GapReport.Recording("2", "photo.jpg", "cd".repeat(32), t.plusMinutes(12), t.plusMinutes(12), null,
                                "ARCHIVED", "PHOTO", null)),
                List.of(new GapReport.Finding("F1", FindingKind.GAP, t.plusMinutes(10), t.plusMinutes(12), 120.0,
                                List.of("a/b/DSJ_0001.mp4", "photo.jpg"), "ACT-1",
                                new GapReport.Explanation("WEATHER", "=cmd() \"quoted\" </script> 暴雨\n\u0001 😀", "王五",
                                        t.plusHours(1)), null),
                        new GapReport.Finding("F2", FindingKind.CLOCK_DRIFT, t, null, 0.1 + 0.2, List.of(), null, null, "x")),
                new GapReport.Registered("BODY_CAMERA", "DSJ-V7", "SN-1", "IN_SERVICE",
                        List.of(new GapReport.Assignment(officer, t.minusDays(3), null))));
        GapReport.Device unknown = new GapReport.Device("DSJ0009999", null, List.of(), List.of(), List.of());
        GapReport report = new GapReport(t.plusDays(1), "0".repeat(64), ZoneId.of("Asia/Shanghai"),
                new ReportFilter(null, null, null), List.of(registered, unknown));

        // when
        String json = JsonReport.render(report);

        // then
        try (InputStream committed = getClass().getResourceAsStream("gap-report-bytes.json")) {
            assertThat(json).isEqualTo(new String(committed.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
