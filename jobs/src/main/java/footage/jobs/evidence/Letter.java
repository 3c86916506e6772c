package footage.jobs.evidence;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * An uploaded request letter, typed by its first bytes (never by its name), accepted only when it parses in full as
 * that type (PDFBox for a PDF: every page's content read, no JavaScript; ImageIO for JPEG and PNG: every pixel decoded
 * without a warning), and hashed. A signature in front of anything else (a stub, an HTML page) is refused.
 */
record Letter(String type, String sha256, byte[] bytes) {

    /** Below the servlet's 1 MB multipart default, so an oversized letter is refused here with a message. */
    static final int LIMIT = 900 * 1024;
    // a scanned A4 page at 600 dpi is about 35 million pixels; far more is a decompression bomb, not a letter
    private static final long MAX_PIXELS = 50_000_000L;

    static Optional<String> typeOf(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Optional.of("PDF");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("JPEG");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of("PNG");
        }
        return Optional.empty();
    }

    /** The letter, or the message key of why it is refused. */
    static Letter of(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > LIMIT) {
            throw new AccessRequests.Refused("evidence.letter.refused.size");
        }
        String type = typeOf(bytes).orElseThrow(() -> new AccessRequests.Refused("evidence.letter.refused.type"));
        if (!("PDF".equals(type) ? pdfParses(bytes) : imageDecodes(bytes, type))) {
            throw new AccessRequests.Refused("evidence.letter.refused.unreadable");
        }
        return new Letter(type, sha256(bytes), bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pdfParses(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.isEncrypted() || pdf.getNumberOfPages() == 0) {
                return false;
            }
            // the approver opens it in the browser: a letter carries no script
            PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
            if ((names != null && names.getJavaScript() != null)
                    || pdf.getDocumentCatalog().getOpenAction() instanceof PDActionJavaScript) {
                return false;
            }
            // reading every page's text parses every content stream, not only the cross-reference table
            new PDFTextStripper().getText(pdf);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean imageDecodes(byte[] bytes, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toUpperCase(Locale.ROOT);
                if (!format.equals(type) && !(type.equals("JPEG") && format.equals("JPG"))) {
                    return false;
                }
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return false;
                }
                // a truncated JPEG decodes with a warning and grey where the data ended: not a whole letter
                boolean[] warned = {false};
                reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
                return reader.read(0) != null && !warned[0];
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    String fileName() {
        return sha256 + "." + type.toLowerCase(Locale.ROOT);
    }

    /** What the browser is told the letter is. */
    String mediaType() {
        return switch (type) {
            case "PDF" -> "application/pdf";
            case "JPEG" -> "image/jpeg";
            default -> "image/png";
        };
    }
}
