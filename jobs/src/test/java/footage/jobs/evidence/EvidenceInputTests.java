package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile form input (issue 20, point 5): absurd days, over-long text and over-long periods give 400 and the form's message. */
class EvidenceInputTests extends AbstractEvidenceTests {

    @Test
    void absurdDaysAreRefusedWithTheFormsMessage() {
        // given a viewer's session in English
        ConsoleClient viewer = english(VIEWER);
        long id = id("FILE0001.MP4");

        for (String[] period : new String[][]{{"+999999999-12-31", "+999999999-12-31"}, {"2026-03-01", "+999999999-12-31"},
                {"-999999999-01-01", "2026-03-01"}, {"2026-02-30", "2026-03-01"}, {"0001-01-01", "0001-01-02"}}) {
            // when a request is filed for that period
            HttpResponse<String> r = viewer.submit("/evidence/requests", Map.of("recordings", String.valueOf(id),
                    "reason", "absurd " + period[0], "from", period[0], "until", period[1]));

            // then it is a bad request, the page says why, and nothing was filed
            assertThat(r.statusCode()).as(period[0] + ".." + period[1]).isEqualTo(400);
            assertThat(r.body()).contains("id=\"request-refused\"").containsAnyOf("the period needs two real days",
                    "longer than a request may ask for");
        }
        assertThat(requestsWithReasonLike("absurd %")).isZero();
    }

    @Test
    void overLongReasonsCasesAndCommentsAreRefusedWithTheFormsMessage() {
        // given a viewer's and an approver's session, and a pending request
        ConsoleClient viewer = english(VIEWER);
        ConsoleClient approver = english(APPROVER);
        LocalDate today = LocalDate.now(footage.deviceZone());
        long id = id("FILE0001.MP4");

        // when requests with a 5000-character reason and a 300-character case are filed, and a 5000-character comment decides one
        HttpResponse<String> reason = viewer.submit("/evidence/requests", Map.of("recordings", String.valueOf(id),
                "reason", "long " + "理".repeat(5000), "from", today.toString(), "until", today.toString()));
        HttpResponse<String> caseRef = viewer.submit("/evidence/requests", Map.of("case", "C".repeat(300),
                "reason", "long case", "from", today.toString(), "until", today.toString()));
        viewer.submit("/evidence/requests", Map.of("recordings", String.valueOf(id), "reason", "short and fine",
                "from", today.toString(), "until", today.toString()));
        long pending = jdbc.sql("SELECT MAX(id) FROM access_requests WHERE reason = 'short and fine'").query(Long.class).single();
        HttpResponse<String> comment = approver.submit("/evidence/requests/" + pending + "/approve", Map.of("comment", "c".repeat(5000)));
        HttpResponse<String> staff = english(STAFF).upload("/evidence/requests/external", Map.of("agencyType", "COURT",
                        "agencyName", "A".repeat(1000), "letterRef", "ref", "case", "CASE-42", "reason", "long agency",
                        "from", today.toString(), "until", today.toString()), "letter", "l.pdf",
                letterPdf("long agency"));

        // then each is a bad request saying why, and nothing was filed or decided
        for (HttpResponse<String> r : List.of(reason, caseRef, comment, staff)) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("id=\"request-refused\"", "a text is too long");
        }
        assertThat(requestsWithReasonLike("long%")).isZero();
        assertThat(jdbc.sql("SELECT status FROM access_requests WHERE id = ?").param(pending).query(String.class).single())
                .isEqualTo("PENDING");
    }

    @Test
    void overLongHoldReasonsCaseNumbersAndExplanationsAreRefusedWithTheFormsMessage() {
        // given an evidence clerk's session
        ConsoleClient staff = english(STAFF);
        long id = id("FILE0003.MP4");
        String tooLong = "r".repeat(5000);

        // when a case hold, a recording hold, a retention change and an explanation come with a 5000-character text
        List<HttpResponse<String>> answers = List.of(
                staff.submit("/evidence/holds", Map.of("case", "CASE-42", "reason", tooLong)),
                staff.submit("/evidence/holds", Map.of("case", "C".repeat(300), "reason", "input: long case")),
                staff.submit("/evidence/recordings/" + id + "/hold", Map.of("reason", tooLong)),
                staff.submit("/evidence/recordings/" + id + "/retention", Map.of("class", "PERMANENT",
                        "category", "OBSTRUCTION", "reason", tooLong)),
                staff.submit("/evidence/findings/f-trunc/explain", Map.of("reason", "WEATHER", "note", tooLong)));

        // then each is a bad request saying why, and nothing was held or explained
        for (HttpResponse<String> r : answers) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("id=\"request-refused\"", "a text is too long");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM holds WHERE LENGTH(reason) > 2000 OR reason = 'input: long case'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM findings WHERE LENGTH(explanation_note) > 2000").query(Long.class).single())
                .isZero();
    }

    @Test
    void aPeriodLongerThanTheMaximumWindowIsRefused() {
        // given a viewer's session and the default footage.access.max-window of 90 days
        ConsoleClient viewer = english(VIEWER);
        long id = id("FILE0001.MP4");
        LocalDate from = LocalDate.of(2027, 1, 1);

        // when 90 days are asked for, then 91
        HttpResponse<String> ninety = viewer.submit("/evidence/requests", Map.of("recordings", String.valueOf(id),
                "reason", "window 90", "from", from.toString(), "until", from.plusDays(89).toString()));
        HttpResponse<String> ninetyOne = viewer.submit("/evidence/requests", Map.of("recordings", String.valueOf(id),
                "reason", "window 91", "from", from.toString(), "until", from.plusDays(90).toString()));

        // then the first is filed and the second refused with why
        assertThat(ninety.statusCode()).isEqualTo(302);
        assertThat(ninetyOne.statusCode()).isEqualTo(400);
        assertThat(ninetyOne.body()).contains("longer than a request may ask for");
        assertThat(requestsWithReasonLike("window 9%")).isEqualTo(1);
    }

    @Test
    void theRegisterRefusesAbsurdDaysInItsFilter() {
        // given an evidence clerk's session
        ConsoleClient staff = english(STAFF);

        // when the register is asked for a range ending at the end of time
        HttpResponse<String> page = staff.get("/evidence/register?to=%2B999999999-12-31");
        HttpResponse<String> csv = staff.get("/evidence/register.csv?from=-999999999-01-01");

        // then both are bad requests, not error pages
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(staff.get("/evidence/register?to=2026-12-31").statusCode()).isEqualTo(200);
    }

    private ConsoleClient english(String user) {
        ConsoleClient http = new ConsoleClient(base()).signedIn(user, PASSWORD);
        http.get("/evidence?lang=en");
        return http;
    }

    private long requestsWithReasonLike(String pattern) {
        return jdbc.sql("SELECT COUNT(*) FROM access_requests WHERE reason LIKE ?").param(pattern).query(Long.class).single();
    }
}
