package footage.jobs.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The HTML report as PDF. The PDF base fonts have no Chinese glyphs, so a CJK TrueType font is embedded (subset)
 * for the page and for the SVG timeline; without it officer names and notes would come out as blanks.
 */
final class PdfReport {

    private PdfReport() {
    }

    static byte[] render(String xhtml, Path cjkFont) {
        if (cjkFont == null || !Files.isRegularFile(cjkFont) || !Files.isReadable(cjkFont)) {
            throw new CjkFontMissingException(cjkFont);
        }
        OpenHtmlLog.install();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(cjkFont.toFile(), HtmlReport.CJK_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF report: " + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }

    /** Bad configuration, not a failed run: says which setting to fix and how. */
    static final class CjkFontMissingException extends IllegalStateException {
        CjkFontMissingException(Path font) {
            super("the CJK font for PDF reports is missing: " + font + " (install the Debian package "
                    + "fonts-droid-fallback, or set footage.report.cjk-font to a TrueType font with Chinese glyphs)");
        }
    }
}
