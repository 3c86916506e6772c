package footage.jobs.evidence;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page, the retention search, the holds of a recording and an activity's timeline on a real PostgreSQL
 * catalog (a fresh database, see TestDatabases): the V71 indexes, LIKE with its escape, paging parameters, and the
 * activity report's repeatable-read transaction.
 */
class PostgresEvidenceAuditTests extends AbstractPostgresEvidenceTests {

    private static final Pattern LEDGER_ROW = Pattern.compile("<tr data-seq=\"(\\d+)\"");

    @Test
    void auditFiltersRetentionSearchHoldsAndAnActivityTimelineOnPostgres() {
        // given a catalog on PostgreSQL with probe entries (one subject holding a LIKE wildcard), a permanent
        // recording held through its case, and an activity with an unexplained gap
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        long plain = append("PG_PROBE", "pg:1", "pg-auditor");
        long wildcard = append("PG_PROBE", "pg_%:2", "pg-auditor");
        long other = append("PG_OTHER", "pg:1", "someone");
        long file = id("FILE0003.MP4");
        jdbc.sql("UPDATE recordings SET retention_class = 'PERMANENT', retention_category = 'COMPLEX_CASE' WHERE id = ?")
                .param(file).update();
        tx.executeWithoutResult(s -> jdbc.sql("INSERT INTO holds (case_number, reason, set_by, set_at) "
                + "VALUES ('CASE-42', 'pg hold reason', 'esther', ?)").param(at("2026-03-02T00:00:00Z")).update());
        jdbc.sql("UPDATE activities SET coverage_percent = 12.5 WHERE id = 'ACT-2'").update();
        jdbc.sql("INSERT INTO findings (id, kind, device_id, start_at, end_at, seconds, activity_id, detail, raised_at) "
                        + "VALUES ('f-pg-gap', 'GAP', 'D8', ?, ?, 1800.0, 'ACT-2', 'gap before 11:00', ?)")
                .params(at("2026-03-01T10:30:00+08:00"), at("2026-03-01T11:00:00+08:00"), at("2026-03-02T00:00:00Z"))
                .update();
        ConsoleClient staff = new ConsoleClient(base()).signedIn(STAFF, PASSWORD);

        // when the ledger is filtered, the catalog searched by class, the recording and the activity pages opened
        List<Long> byType = seqs(staff.get("/evidence/audit?type=PG_PROBE").body());
        List<Long> byPrefix = seqs(staff.get("/evidence/audit?subject=pg_%25*").body());
        List<Long> byActorPaged = seqs(staff.get("/evidence/audit?actor=someone&page=1").body());
        List<Long> permanent = rows(staff.get("/evidence?retention=PERMANENT").body());
        String recording = staff.get("/evidence/recordings/" + file + "?lang=en").body();
        String activity = staff.get("/evidence/timeline/activity?activity=ACT-2&lang=en").body();
        String json = staff.get("/evidence/timeline/report.json?activity=ACT-2").body();

        // then each shows exactly its part
        assertThat(byType).containsExactly(wildcard, plain);
        assertThat(byPrefix).containsExactly(wildcard);
        assertThat(byActorPaged).containsExactly(other);
        assertThat(permanent).containsExactly(file);
        assertThat(recording).contains("Permanent · COMPLEX_CASE").contains("pg hold reason").contains("case CASE-42");
        assertThat(activity).contains("gap unexplained").contains("data-finding=\"f-pg-gap\"").contains("12.5 %");
        assertThat(json).contains("f-pg-gap").contains("FILE0003.MP4");
    }

    private long append(String type, String subject, String actor) {
        tx.executeWithoutResult(s -> ledger.append(type, subject, actor, Map.of("probe", subject)));
        return jdbc.sql("SELECT MAX(seq) FROM ledger").query(Long.class).single();
    }

    private static List<Long> seqs(String html) {
        return LEDGER_ROW.matcher(html).results().map(m -> Long.parseLong(m.group(1))).toList();
    }
}
