package footage.jobs.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class PdfReportTests extends ReportTestBase {

    @Test
    void chineseNamesAndNotesRenderAsText() throws Exception {
        // given
        CatalogRows.Scenario s = rows().scenario();

        // when
        byte[] pdf = renderer.render(builder.build(new ReportFilter(s.device(), null, null)), ReportFormat.PDF);

        // then
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("张三").contains("李四").contains("暴雨").contains(s.device()).contains("WEATHER");
        }
    }

    @Test
    void theChinesePdfHasChineseHeadingsAndFindingNamesAndTheEnglishOneEnglish() throws Exception {
        // given
        CatalogRows.Scenario s = rows().scenario();
        GapReport report = builder.build(new ReportFilter(s.device(), null, null));

        // when
        byte[] chinese = renderer.render(report, ReportFormat.PDF);
        byte[] english = renderer.render(report, ReportFormat.PDF, java.util.Locale.ENGLISH);

        // then
        try (PDDocument zh = Loader.loadPDF(chinese); PDDocument en = Loader.loadPDF(english)) {
            String zhText = new PDFTextStripper().getText(zh);
            String enText = new PDFTextStripper().getText(en);
            assertThat(zhText).contains("录像缺口报告").contains("时间线").contains("录像中断").contains("时钟偏差")
                    .contains("录像与保存期限").doesNotContain("Gap report");
            assertThat(enText).contains("Gap report").contains("Timeline").contains("Clock drift")
                    .contains("Recordings and retention").doesNotContain("录像缺口报告");
        }
    }

    @Test
    void aMissingCjkFontIsABadConfigurationThatSaysWhatToDo() {
        // given
        ReportProperties noFont = new ReportProperties(null, Path.of("/nonexistent/cjk.ttf"), null);
        GapReportRenderer withoutFont = new GapReportRenderer(noFont, messages, new PdfRenderer(noFont));
        GapReport report = builder.build(new ReportFilter("NO-SUCH-DEVICE", null, null));

        // when
        Throwable thrown = catchThrowable(() -> withoutFont.render(report, ReportFormat.PDF));

        // then
        assertThat(thrown).isInstanceOf(PdfRenderer.CjkFontMissingException.class)
                .hasMessageContaining("/nonexistent/cjk.ttf")
                .hasMessageContaining("fonts-droid-fallback")
                .hasMessageContaining("footage.report.cjk-font");
    }
}
