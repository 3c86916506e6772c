package footage.jobs.report;

import footage.pipeline.continuity.FindingKind;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** File names and details with control or bidi characters are shown escaped in the HTML and CSV reports. */
class ShownNamesReportTests {

    private static final org.springframework.context.support.ResourceBundleMessageSource MESSAGES = messages();

    private static org.springframework.context.support.ResourceBundleMessageSource messages() {
        var m = new org.springframework.context.support.ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static ReportLanguage language() {
        return new ReportLanguage(MESSAGES, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private static final String HOSTILE = "clip_\u202Egnp\u001B[31m\u0007\u2067.mp4";
    private static final String SHOWN = "clip_\\u202Egnp\\u001B[31m\\u0007\\u2067.mp4";

    private static GapReport report() {
        GapReport.Finding finding = new GapReport.Finding("F1", FindingKind.GAP, null, null, 12.0, List.of(HOSTILE, "b.mp4"),
                null, null, "12 s between " + HOSTILE + " and b.mp4");
        return new GapReport(OffsetDateTime.now(), "0".repeat(64), ZoneId.of("Asia/Shanghai"), ReportFilter.all(),
                List.of(new GapReport.Device("D1", null, List.of(), List.of(), List.of(finding))));
    }

    @Test
    void theCsvReportShowsTheEscapes() {
        // when
        String csv = CsvReport.render(report(), language());

        // then
        assertThat(csv).contains(SHOWN + "; b.mp4").contains("12 s between " + SHOWN + " and b.mp4")
                .doesNotContain("\u202E", "\u001B", "\u0007", "\u2067");
    }

    @Test
    void theHtmlReportShowsTheEscapes() {
        // when
        String html = new HtmlReport(MESSAGES).render(report(), language());

        // then
        assertThat(html).contains(SHOWN).doesNotContain("\u202E", "\u001B", "\u0007", "\u2067");
    }
}
