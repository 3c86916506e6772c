package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18, point 5: the supervision figures in the console, for those who supervise, not for viewers. */
class EvidenceSupervisionTests extends AbstractEvidenceTests {

    @Test
    void staffSeeAMonthsFiguresPerOfficerAndDownloadThemAndViewersAreRefused() {
        // given the shared catalog: activity ACT-1 of officer O5 on 2026-03-01
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        ConsoleClient viewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD);

        // when
        String page = staff.get("/evidence/supervision?month=2026-03&lang=en").body();
        String search = staff.get("/evidence").body();
        HttpResponse<String> csv = staff.get("/evidence/supervision.csv?month=2026-03");
        HttpResponse<byte[]> pdf = staff.bytes("/evidence/supervision.pdf?month=2026-03");
        HttpResponse<String> refused = viewer.get("/evidence/supervision?month=2026-03");

        // then
        assertThat(page).contains("Supervision report 2026-03").contains("data-officer=\"O5\"")
                .contains("data-officer=\"total\"").contains("supervision.csv?month=2026-03");
        // no officers list in this catalog: the unit table sums every officer of the month apart, with their activities
        String units = page.substring(page.indexOf("id=\"supervision-units\""));
        long officers = page.lines().filter(l -> l.contains("data-officer=") && !l.contains("data-officer=\"total\"")).count();
        assertThat(units).contains("officers not in a unit").contains("<td>" + officers + " officer(s)</td>")
                .containsPattern(officers + " officer\\(s\\)</td>\\s*<td class=\"num\">[1-9]\\d*</td>");
        assertThat(search).contains("id=\"supervision-link\"");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().filter(l -> l.startsWith("O5,"))).singleElement().asString().startsWith("O5,,1,");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
