package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.report.PdfRenderer;
import footage.jobs.report.ReportTemplates;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The access register's PDF: written from the report engine's template, people's text as text, never as markup. */
class RegisterExportsTests {

    private static final String HOSTILE = "<script>&\"'</script>";
    private static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    @Test
    void namesAndReasonsWithMarkupCharactersAreShownAsTheyWereTyped() throws Exception {
        // given a request and a use whose requester, reason, comment and detail hold markup characters
        OffsetDateTime t = OffsetDateTime.parse("2026-03-01T10:00:00+08:00");
        AccessRequests.Request request = new AccessRequests.Request(7, "INTERNAL", "rhea" + HOSTILE, "12", null,
                "投诉核查 " + HOSTILE, t, t.plusDays(1), "APPROVED", t, "anna", "ok " + HOSTILE, null, null, null, null);
        AccessRegister.Use use = new AccessRegister.Use(3, t, "RECORDING_DOWNLOADED", "rhea" + HOSTILE, "recording:12",
                12L, 7L, "投诉核查 " + HOSTILE, "detail\u202E" + HOSTILE);
        AccessRegister.View view = new AccessRegister.View(List.of(request), List.of(use));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        EvidenceFormat format = new EvidenceFormat(new FootageProperties(Path.of("target", "register-exports"), null,
                null, null, null, null, null, null, null, null, null));

        // when
        byte[] pdf = RegisterExports.pdf(view, "user=rhea" + HOSTILE, format,
                (code, args) -> messages.getMessage(code, args, code, Locale.SIMPLIFIED_CHINESE),
                new ReportTemplates(messages), Locale.SIMPLIFIED_CHINESE, new PdfRenderer(CJK_FONT));

        // then the PDF (which the renderer could only make from well-formed XHTML) reads every one of them as typed,
        // in Chinese, the bidi override shown as an escape
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace("\r", "").replace("\n", "");
            assertThat(text).contains("调阅登记簿").contains("rhea" + HOSTILE).contains("投诉核查 " + HOSTILE)
                    .contains("anna: ok " + HOSTILE).contains("user=rhea" + HOSTILE).contains("detail\\u202E" + HOSTILE)
                    .doesNotContain("&amp;", "&lt;", "&quot;", "&#39;", "\u202E");
        }
    }
}
