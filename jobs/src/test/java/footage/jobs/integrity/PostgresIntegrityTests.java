package footage.jobs.integrity;

import footage.jobs.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The integrity tests on a real PostgreSQL catalog, whose append-only trigger refuses any change to the ledger. */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.export.organization=" + AbstractIntegrityTests.ORGANIZATION})
class PostgresIntegrityTests extends AbstractIntegrityTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        String home = Files.createTempDirectory("footage-integrity-pg-").toString();
        registry.add("footage.home", () -> home);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void theLedgerRefusesUpdateDeleteAndTruncate() {
        // given
        long seq = jdbc.sql("SELECT MIN(seq) FROM ledger").query(Long.class).single();

        // when / then
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger SET actor = 'mallory' WHERE seq = ?").param(seq).update())
                .rootCause().hasMessageContaining("ledger is append-only: UPDATE on ledger is not allowed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger WHERE seq = ?").param(seq).update())
                .rootCause().hasMessageContaining("ledger is append-only: DELETE on ledger is not allowed");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE ledger").update())
                .rootCause().hasMessageContaining("ledger is append-only: TRUNCATE on ledger is not allowed");
        assertThat(jdbc.sql("SELECT actor FROM ledger WHERE seq = ?").param(seq).query(String.class).single()).isNotEqualTo("mallory");
        assertClean();
    }
}
