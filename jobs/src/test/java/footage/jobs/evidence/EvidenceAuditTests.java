package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import footage.jobs.cli.TestCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit page: the ledger filtered and paged, and the result of the last {@code footage verify}. */
class EvidenceAuditTests extends AbstractEvidenceTests {

    private static final Pattern LEDGER_ROW = Pattern.compile("<tr data-seq=\"(\\d+)\"");

    @Autowired
    org.springframework.context.ApplicationContext commands;

    @Test
    void typeActorSubjectAndTimeFiltersReturnExactlyTheirEntries() {
        // given three probe entries by two actors on two subjects, and an evidence clerk's session
        long first = append("AUDIT_PROBE", "probe:1", "auditor-a");
        long second = append("AUDIT_PROBE", "probe:2", "auditor-b");
        long third = append("AUDIT_OTHER", "probe:1", "auditor-a");
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        LocalDate today = LocalDate.now(footage.deviceZone());

        // when the ledger is filtered by each field, by two at once, and by a range
        List<Long> byType = seqs(staff.get("/evidence/audit?type=AUDIT_PROBE").body());
        List<Long> byActor = seqs(staff.get("/evidence/audit?actor=auditor-a").body());
        List<Long> bySubject = seqs(staff.get("/evidence/audit?subject=probe:1").body());
        List<Long> bySubjectPrefix = seqs(staff.get("/evidence/audit?subject=probe:*").body());
        List<Long> byTypeAndActor = seqs(staff.get("/evidence/audit?type=AUDIT_PROBE&actor=auditor-b").body());
        List<Long> today_ = seqs(staff.get("/evidence/audit?type=AUDIT_PROBE&from=" + today + "&to=" + today).body());
        List<Long> tomorrow = seqs(staff.get("/evidence/audit?type=AUDIT_PROBE&from=" + today.plusDays(1)).body());
        List<Long> likeIsNoWildcard = seqs(staff.get("/evidence/audit?subject=probe%25").body());
        List<Long> unknownTypeIgnored = seqs(staff.get("/evidence/audit?type=';DROP&actor=auditor-b").body());

        // then each returns exactly its entries, newest first
        assertThat(byType).containsExactly(second, first);
        assertThat(byActor).containsExactly(third, first);
        assertThat(bySubject).containsExactly(third, first);
        assertThat(bySubjectPrefix).containsExactly(third, second, first);
        assertThat(byTypeAndActor).containsExactly(second);
        assertThat(today_).containsExactly(second, first);
        assertThat(tomorrow).isEmpty();
        assertThat(likeIsNoWildcard).isEmpty();
        assertThat(unknownTypeIgnored).containsExactly(second);
    }

    @Test
    void theLedgerIsPagedAndOnlyAdminsAndEvidenceStaffSeeIt() {
        // given more entries of one type than fit a page
        for (int i = 0; i < AuditController.PAGE_SIZE + 1; i++) {
            append("AUDIT_BULK", "bulk:" + i, "auditor-bulk");
        }
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        ConsoleClient admin = new ConsoleClient(base()).signedIn("admin", "admin-password-for-tests");

        // when both pages are fetched, and viewers and approvers ask for the page
        HttpResponse<String> firstPage = staff.get("/evidence/audit?type=AUDIT_BULK");
        HttpResponse<String> secondPage = admin.get("/evidence/audit?type=AUDIT_BULK&page=2");
        HttpResponse<String> byViewer = new ConsoleClient(base()).signedIn(VIEWER, PASSWORD).get("/evidence/audit");
        HttpResponse<String> byApprover = new ConsoleClient(base()).signedIn(APPROVER, PASSWORD).get("/evidence/audit");

        // then the first page is full and links on, the second holds the oldest, and the others are refused
        assertThat(seqs(firstPage.body())).hasSize(AuditController.PAGE_SIZE);
        assertThat(firstPage.body()).contains("id=\"page-next\"").contains("type=AUDIT_BULK&amp;page=2");
        assertThat(seqs(secondPage.body())).containsExactly(jdbc.sql("SELECT MIN(seq) FROM ledger WHERE entry_type = 'AUDIT_BULK'")
                .query(Long.class).single());
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(byViewer.body()).doesNotContain("auditor-bulk");
        assertThat(byApprover.statusCode()).isEqualTo(403);
    }

    @Test
    void thePageShowsTheResultOfTheNewestVerifyRun() {
        // given the verifier run twice (the test catalog has rows without ledger history, so it finds problems)
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int firstExit = verify(new ByteArrayOutputStream());
        long older = newestVerifySeq();
        int exit = verify(printed);
        long newest = newestVerifySeq();

        // when the audit page is opened, in English and in Chinese
        String page = staff.get("/evidence/audit?lang=en").body();
        String chinese = staff.get("/evidence/audit?lang=zh-CN").body();

        // then it shows the newest run: failed with its problem count, its first problem line, quick (not full)
        String payload = jdbc.sql("SELECT payload FROM ledger WHERE seq = ?").param(newest).query(String.class).single();
        long problems = Long.parseLong(payload.replaceAll(".*\"problems\":(\\d+).*", "$1"));
        String firstProblem = printed.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow()
                .substring("verify: ".length());
        assertThat(firstExit).isEqualTo(1);
        assertThat(exit).isEqualTo(1);
        assertThat(newest).isGreaterThan(older);
        assertThat(payload).contains("\"ok\":false").contains("\"problemLines\":[").contains("\"catalog\":{");
        assertThat(page).contains("data-seq=\"" + newest + "\"").contains("data-ok=\"false\"")
                .contains("FAILED: " + problems + " problem(s)")
                .contains(HtmlUtils.htmlEscape(firstProblem.length() > 500 ? firstProblem.substring(0, 500) : firstProblem))
                .contains("ledger and catalog (archive not re-hashed)");
        assertThat(chinese).contains("失败：发现 " + problems + " 个问题");
    }

    private int verify(ByteArrayOutputStream out) {
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return TestCommands.run(commands, "verify", List.of(), Map.of(), print, print);
    }

    private long newestVerifySeq() {
        return jdbc.sql("SELECT MAX(seq) FROM ledger WHERE entry_type = 'VERIFY_RUN'").query(Long.class).single();
    }

    private long append(String type, String subject, String actor) {
        tx.executeWithoutResult(s -> ledger.append(type, subject, actor, Map.of("probe", subject)));
        return jdbc.sql("SELECT MAX(seq) FROM ledger").query(Long.class).single();
    }

    private static List<Long> seqs(String html) {
        return LEDGER_ROW.matcher(html).results().map(m -> Long.parseLong(m.group(1))).toList();
    }
}
