package footage.jobs.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every PDF the application writes (the gap, interruption and supervision reports, the access register) is XHTML
 * rendered here. The PDF base fonts have no Chinese glyphs, so a CJK TrueType font ({@code footage.report.cjk-font})
 * is embedded (subset) for the page and for SVG such as the gap report's timeline; without it officer names, notes
 * and agencies would come out as blanks. Templates ask for it by the family {@link #CJK_FAMILY}.
 */
@Component
public class PdfRenderer {

    /** The font family the report templates' style sheets ask for; the CJK font is registered under it. */
    static final String CJK_FAMILY = "footage-cjk";

    private final Path cjkFont;

    @Autowired
    PdfRenderer(ReportProperties properties) {
        this(properties.cjkFont());
    }

    /** @param cjkFont a TrueType font with Chinese glyphs */
    public PdfRenderer(Path cjkFont) {
        this.cjkFont = cjkFont;
    }

    /** @throws CjkFontMissingException when the configured font is not a readable file */
    public byte[] render(String xhtml) {
        if (cjkFont == null || !Files.isRegularFile(cjkFont) || !Files.isReadable(cjkFont)) {
            throw new CjkFontMissingException(cjkFont);
        }
        OpenHtmlLog.install();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(cjkFont.toFile(), CJK_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the PDF: " + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }

    /** Bad configuration, not a failed run: says which setting to fix and how. */
    public static final class CjkFontMissingException extends IllegalStateException {
        CjkFontMissingException(Path font) {
            super("the CJK font for PDF reports is missing: " + font + " (install the Debian package "
                    + "fonts-droid-fallback, or set footage.report.cjk-font to a TrueType font with Chinese glyphs)");
        }
    }
}
