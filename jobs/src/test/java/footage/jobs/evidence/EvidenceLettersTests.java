package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Letters (issue 20, point 6): kept only when they parse in full; approvers open them inline, each opening ledgered. */
class EvidenceLettersTests extends AbstractEvidenceTests {

    @Test
    void onlyLettersThatParseInFullAreKept() throws Exception {
        // given an evidence clerk, fakes behind real signatures, and real letters
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        byte[] png = image("png");
        byte[] jpeg = image("jpeg");
        Map<String, byte[]> fakes = new LinkedHashMap<>();
        fakes.put("stub", "%PDF-".getBytes(StandardCharsets.US_ASCII));
        fakes.put("html", "%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        fakes.put("script", scriptedPdf());
        fakes.put("cut-png", Arrays.copyOf(png, png.length / 2));
        fakes.put("cut-jpeg", Arrays.copyOf(jpeg, jpeg.length / 2));
        fakes.put("jpeg-junk", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 'h', 'i'});

        // when each is filed as a letter, then the real ones
        Map<String, String> pages = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> fake : fakes.entrySet()) {
            staff.upload("/evidence/requests/external", fields("letters: " + fake.getKey()), "letter", "letter", fake.getValue());
            pages.put(fake.getKey(), staff.get("/evidence/requests?lang=en").body());
        }
        for (Map.Entry<String, byte[]> real : Map.of("pdf", letterPdf("a real letter"), "png", png, "jpeg", jpeg).entrySet()) {
            assertThat(staff.upload("/evidence/requests/external", fields("letters: real " + real.getKey()), "letter", "letter",
                    real.getValue()).statusCode()).isEqualTo(302);
        }

        // then no fake was kept, each page said why, and the real ones were
        pages.forEach((name, page) -> assertThat(page).as(name).contains("does not open as the PDF, JPEG or PNG"));
        assertThat(reasons("letters: %")).contains("letters: real pdf", "letters: real png", "letters: real jpeg")
                .doesNotContainAnyElementsOf(fakes.keySet().stream().map(k -> "letters: " + k).toList());
    }

    @Test
    void approversOpenTheLetterInlineWithoutScriptAndEachOpeningIsLedgered() throws Exception {
        // given an external request with a PNG letter, filed by a clerk
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        byte[] png = image("png");
        staff.upload("/evidence/requests/external", fields("letters: to open"), "letter", "scan.png", png);
        long request = jdbc.sql("SELECT id FROM access_requests WHERE reason = 'letters: to open'").query(Long.class).single();
        ConsoleClient approver = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD);
        ConsoleClient viewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);

        // when the approver finds it on the requests page and opens it, asks for its headers, and others try
        String page = approver.get("/evidence/requests").body();
        HttpResponse<byte[]> opened = approver.bytes("/evidence/requests/" + request + "/letter");
        HttpResponse<String> head = approver.head("/evidence/requests/" + request + "/letter");
        HttpResponse<byte[]> byViewer = viewer.bytes("/evidence/requests/" + request + "/letter");
        HttpResponse<byte[]> byClerk = staff.bytes("/evidence/requests/" + request + "/letter");

        // then the approver got the letter inline, with no script allowed, and only that opening is in the ledger
        assertThat(page).contains("/evidence/requests/" + request + "/letter");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(png);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(opened.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
        assertThat(opened.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("script-src 'none'"));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(byClerk.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT actor FROM ledger WHERE entry_type = 'LETTER_OPENED' AND subject = ?")
                .param(AccessRequests.subject(request)).query(String.class).list()).containsExactly(APPROVER);
    }

    private static Map<String, String> fields(String reason) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("agencyType", "COURT");
        f.put("agencyName", "court");
        f.put("letterRef", "ref 1");
        f.put("case", "CASE-42");
        f.put("reason", reason);
        f.put("from", LocalDate.now().toString());
        f.put("until", LocalDate.now().toString());
        return f;
    }

    private List<String> reasons(String like) {
        return jdbc.sql("SELECT reason FROM access_requests WHERE reason LIKE ?").param(like).query(String.class).list();
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage picture = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 200; y++) {
                picture.setRGB(x, y, (x * 7 + y * 13) * 2654435 & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, format, out);
        return out.toByteArray();
    }

    private static byte[] scriptedPdf() throws Exception {
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
