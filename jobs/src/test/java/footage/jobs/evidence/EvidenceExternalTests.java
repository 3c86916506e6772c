package footage.jobs.evidence;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** External requests (Art. 17) with an uploaded letter: typed by content, size-limited, hashed, stored, ledgered. */
class EvidenceExternalTests extends AbstractEvidenceTests {

    @Test
    void aPdfLetterIsTypedByContentHashedStoredAndLedgeredWhateverItsName() throws Exception {
        // given an evidence clerk's session and a PDF named like a text file with a traversal in it
        EvidenceHttp staff = new EvidenceHttp(base()).login(STAFF, PASSWORD);
        byte[] pdf = "%PDF-1.4\n% court letter\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        // when the external request is filed with it
        HttpResponse<String> r = staff.upload("/evidence/requests/external", fields("court letter 2026-9"), "letter",
                "../../../letter.txt", pdf);

        // then it is stored under its hash as a PDF, the row and the ledger entry carry the hash, the register lists it
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT letter_type || ' ' || letter_sha256 || ' ' || kind FROM access_requests WHERE reason = ?")
                .param("court letter 2026-9").query(String.class).single()).isEqualTo("PDF " + sha + " EXTERNAL");
        assertThat(footage.home().resolve("letters").resolve(sha + ".pdf")).hasBinaryContent(pdf);
        assertThat(Files.exists(footage.home().resolveSibling("letter.txt"))).isFalse();
        assertThat(jdbc.sql("SELECT payload FROM ledger WHERE entry_type = 'ACCESS_REQUESTED' AND payload LIKE ?")
                .param("%" + sha + "%").query(String.class).list()).hasSize(1);
        assertThat(staff.get("/evidence/register").body()).contains("court letter 2026-9").contains("EXTERNAL");
    }

    @Test
    void aLetterThatIsNotAPdfOrImageByContentOrIsTooLargeIsRefused() {
        // given an evidence clerk's session, a text file named .pdf and an oversized PNG
        EvidenceHttp staff = new EvidenceHttp(base()).login(STAFF, PASSWORD);
        byte[] text = "this is not a pdf".getBytes(StandardCharsets.US_ASCII);
        byte[] png = new byte[Letter.LIMIT + 10_000];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);

        // when both are uploaded, and a viewer tries to file an external request
        HttpResponse<String> fake = staff.upload("/evidence/requests/external", fields("fake letter"), "letter", "letter.pdf", text);
        HttpResponse<String> large = staff.upload("/evidence/requests/external", fields("large letter"), "letter", "scan.png", png);
        HttpResponse<String> byViewer = new EvidenceHttp(base()).login(VIEWER, PASSWORD)
                .upload("/evidence/requests/external", fields("viewer letter"), "letter", "l.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));

        // then no request is filed for any of them
        assertThat(fake.statusCode()).isEqualTo(302);
        assertThat(large.statusCode()).isEqualTo(302);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_requests WHERE reason IN ('fake letter', 'large letter', 'viewer letter')")
                .query(Long.class).single()).isZero();
    }

    private static Map<String, String> fields(String reason) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("agencyType", "COURT");
        f.put("agencyName", "Haidian District People's Court");
        f.put("contact", "Judge Li, 010-1234");
        f.put("letterRef", "(2026) Jing 0108 No. 17");
        f.put("case", "CASE-42");
        f.put("reason", reason);
        f.put("from", "2026-11-01");
        f.put("until", "2026-12-31");
        return f;
    }
}
