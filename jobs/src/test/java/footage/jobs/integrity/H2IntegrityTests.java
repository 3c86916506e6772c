package footage.jobs.integrity;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity tests on the embedded catalog (H2), plus the ledger tampering that only H2 lets through: there the
 * application never changes a ledger row (LedgerAppendOnlyTests), but someone with the database file can.
 */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.export.organization=" + AbstractIntegrityTests.ORGANIZATION})
class H2IntegrityTests extends AbstractIntegrityTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("footage-integrity-h2-").toString();
        registry.add("footage.home", () -> home);
    }

    /** The RECORDING_ARCHIVED entry of the second recording: well inside the chain, with entries before and after. */
    long middleSeq() {
        return jdbc.sql("SELECT seq FROM ledger WHERE entry_type = 'RECORDING_ARCHIVED' ORDER BY seq LIMIT 1 OFFSET 1")
                .query(Long.class).single();
    }

    @Test
    void anEditedLedgerRowIsNamedByItsSeq() {
        // given
        assertClean();
        long seq = middleSeq();
        String payload = jdbc.sql("SELECT payload FROM ledger WHERE seq = ?").param(seq).query(String.class).single();

        // when
        jdbc.sql("UPDATE ledger SET payload = ? WHERE seq = ?").params(payload.replace("\"ARCHIVED\"", "\"DAMAGED\""), seq).update();
        Run run;
        try {
            run = verify(false);
        } finally {
            jdbc.sql("UPDATE ledger SET payload = ? WHERE seq = ?").params(payload, seq).update();
        }

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.first()).startsWith("verify: ledger seq " + seq + " (RECORDING_ARCHIVED recording:")
                .contains("its hash does not match its content");
        assertClean();
    }

    @Test
    void aDeletedLedgerRowIsNamedByItsSeq() {
        // given
        assertClean();
        long seq = middleSeq();
        Map<String, Object> row = jdbc.sql("SELECT * FROM ledger WHERE seq = ?").param(seq).query().singleRow();

        // when
        jdbc.sql("DELETE FROM ledger WHERE seq = ?").param(seq).update();
        Run run;
        try {
            run = verify(false);
        } finally {
            jdbc.sql("INSERT INTO ledger (seq, entry_time, entry_type, subject, actor, payload, prev_hash, hash) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(seq, value(row, "entry_time"), value(row, "entry_type"), value(row, "subject"),
                            value(row, "actor"), value(row, "payload"), value(row, "prev_hash"), value(row, "hash"))
                    .update();
        }

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.first()).isEqualTo("verify: ledger seq " + seq + ": entry missing: seq " + seq + " is not in the "
                + "ledger (the entry before is seq " + (seq - 1) + ", the next is seq " + (seq + 1) + ")");
        assertClean();
    }

    @Test
    void reorderedLedgerRowsAreNamedByTheFirstSeq() {
        // given
        assertClean();
        long seq = middleSeq();

        // when two neighbours swap places
        swap(seq, seq + 1);
        Run run;
        try {
            run = verify(false);
        } finally {
            swap(seq, seq + 1);
        }

        // then
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.first()).startsWith("verify: ledger seq " + seq + " (")
                .contains("its hash does not match its content").contains("is not the hash of the entry before");
        assertClean();
    }

    private void swap(long a, long b) {
        jdbc.sql("UPDATE ledger SET seq = -1 WHERE seq = ?").param(a).update();
        jdbc.sql("UPDATE ledger SET seq = ? WHERE seq = ?").params(a, b).update();
        jdbc.sql("UPDATE ledger SET seq = ? WHERE seq = -1").param(b).update();
    }
}
