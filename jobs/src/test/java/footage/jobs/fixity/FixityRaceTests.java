package footage.jobs.fixity;

import footage.jobs.FootageProperties;
import footage.jobs.runs.JobRuns;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixity audit and a retention sweep at the same time: the sweep moves an object to expired/ (copy, catalog commit,
 * removal of the original, as the sweep does) after the audit has read its row and before it hashes the file. The
 * audit must find the object where it went, not report it missing; an object that is really gone still fails.
 */
@SpringBootTest(properties = "footage.ingest.quiet-period=0s")
class FixityRaceTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("footage-fixity-race-").toString();
        registry.add("footage.home", () -> home);
    }

    /** Runs something just before the audit hashes its first object: there, a sweep's move of that object. */
    static final class SweepMidAudit extends FixityPauseHook {

        volatile Runnable beforeFirst;

        SweepMidAudit() {
            super(0);
        }

        @Override
        void nextObject() {
            Runnable r = beforeFirst;
            beforeFirst = null;
            if (r != null) {
                r.run();
            }
        }
    }

    @TestConfiguration
    static class Hook {
        @Bean
        @Primary
        SweepMidAudit sweepMidAudit() {
            return new SweepMidAudit();
        }
    }

    @Autowired
    JobRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    SweepMidAudit hook;

    @Test
    void anObjectMovedOutWhileTheAuditChecksItIsCheckedWhereItWentAndAReallyMissingOneStillFails() throws IOException {
        // given two archived recordings, the second of which is then lost from the archive
        new SampleDumpGenerator().writeDump(properties.drop(), new DumpSpec("RACE", "ST01", "DSJ8100001", "100234", "张三",
                "2019-03-01T18:00:00+08:00", "2019-03-01T18:00:00+08:00", true, List.of(
                FileSpec.video("DSJ8100001_100234_20190301_090000_0001.mp4", VideoSpec.small(1, "2019-03-01T09:00:00Z")),
                FileSpec.video("DSJ8100001_100234_20190301_090100_0002.mp4", VideoSpec.small(1, "2019-03-01T09:01:00Z")))));
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, archive_path FROM recordings ORDER BY id").query().listOfRows();
        assertThat(rows).hasSize(2);
        long moved = ((Number) rows.get(0).get("id")).longValue();
        String archivePath = (String) rows.get(0).get("archive_path");
        long lost = ((Number) rows.get(1).get("id")).longValue();
        Files.delete(properties.archive().resolve((String) rows.get(1).get("archive_path")));
        // and a sweep that moves the first out after the audit read its row, before it is hashed
        hook.beforeFirst = () -> moveOut(moved, archivePath);

        // when the audit runs
        assertThat(runs.run("fixityAuditJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then the moved object was checked in expired/ and found intact; only the lost one failed
        assertThat(Files.exists(properties.archive().resolve(archivePath))).isFalse();
        assertThat(fixity(moved)).isEqualTo("OK");
        assertThat(fixity(lost)).isEqualTo("FAILED");
        assertThat(ledger(moved)).singleElement().satisfies(e -> {
            assertThat(e).startsWith("FIXITY_CHECKED ");
            assertThat(e).contains("\"archivePath\":\"expired/" + archivePath + "\"");
        });
        assertThat(ledger(lost)).singleElement().satisfies(e -> assertThat(e).startsWith("FIXITY_FAILED ").contains("missing"));
    }

    /** What the sweep does: a copy in expired/, the catalog names it (committed), then the original goes. */
    private void moveOut(long id, String archivePath) {
        try {
            Path copy = properties.expired().resolve(archivePath);
            Files.createDirectories(copy.getParent());
            Files.copy(properties.archive().resolve(archivePath), copy);
            TransactionTemplate own = new TransactionTemplate(transactionManager);
            own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            own.executeWithoutResult(tx -> jdbc.sql("UPDATE recordings SET archive_path = ? WHERE id = ?")
                    .params("expired/" + archivePath, id).update());
            Files.delete(properties.archive().resolve(archivePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fixity(long id) {
        return jdbc.sql("SELECT fixity_status FROM recordings WHERE id = ?").param(id).query(String.class).single();
    }

    private List<String> ledger(long id) {
        return jdbc.sql("SELECT entry_type, payload FROM ledger WHERE subject = ? AND entry_type LIKE 'FIXITY_%'")
                .param("recording:" + id).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
    }
}
