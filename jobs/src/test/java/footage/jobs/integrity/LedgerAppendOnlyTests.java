package footage.jobs.integrity;

import footage.jobs.FootageProperties;
import footage.jobs.cli.TestCommands;
import footage.jobs.runs.JobRuns;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On H2 nothing stops a ledger row from being changed, so the application must never try. Proven twice: (1) no SQL
 * text in jobs/src/main updates, deletes, truncates, merges or alters the ledger table, and only Ledger.java inserts
 * into it; (2) a watch trigger on a real H2 catalog sees no UPDATE or DELETE of a ledger row while the application
 * ingests, audits, verifies and exports.
 */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.export.organization=test bureau"})
class LedgerAppendOnlyTests {

    private static final Pattern CHANGES_LEDGER = Pattern.compile(
            "\\b(UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?|MERGE\\s+INTO|ALTER\\s+TABLE|DROP\\s+TABLE|REPLACE\\s+INTO)\\s+\"?ledger\"?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERTS_LEDGER = Pattern.compile("\\bINSERT\\s+INTO\\s+\"?ledger\"?\\b", Pattern.CASE_INSENSITIVE);
    static final AtomicInteger CHANGES = new AtomicInteger();

    @Autowired
    JobRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("footage-append-only-").toString();
        registry.add("footage.home", () -> home);
    }

    /** Counts and refuses any UPDATE or DELETE of a ledger row. */
    public static class Watch implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            CHANGES.incrementAndGet();
            throw new SQLException("ledger watch: a ledger row was about to be " + (newRow == null ? "deleted" : "updated"));
        }
    }

    @Test
    void noSqlInTheApplicationChangesOrRemovesLedgerRows() throws IOException {
        // given every source and resource file of the application
        Path main = Path.of("src/main").toAbsolutePath();
        assertThat(main.resolve("java/footage/jobs/ledger/Ledger.java")).exists();
        List<String> changes = new ArrayList<>();
        List<String> inserts = new ArrayList<>();

        // when they are searched for SQL about the ledger table
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(java|sql|xml|properties)")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = CHANGES_LEDGER.matcher(text);
                while (m.find()) {
                    changes.add(main.relativize(f) + ": " + m.group());
                }
                if (INSERTS_LEDGER.matcher(text).find()) {
                    inserts.add(main.relativize(f).toString());
                }
            }
        }

        // then nothing changes it and only the ledger appends to it
        assertThat(changes).isEmpty();
        assertThat(inserts).containsExactly("java/footage/jobs/ledger/Ledger.java");
        assertThat(CHANGES_LEDGER.matcher("jdbc.sql(\"UPDATE ledger SET payload = ?\")").find()).as("the pattern works").isTrue();
    }

    @Test
    void ingestFixityVerifyAndExportNeverUpdateOrDeleteALedgerRow() {
        // given a watch on the ledger of a real H2 catalog
        jdbc.sql("CREATE TRIGGER ledger_watch BEFORE UPDATE, DELETE ON ledger FOR EACH ROW CALL '"
                + Watch.class.getName() + "'").update();
        CHANGES.set(0);
        Evidence.writeDumps(properties.drop());

        // when the application does everything that writes the ledger
        assertThat(runs.run("ingestJob").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        int fixity = run("fixity", Map.of());
        int verify = run("verify", Map.of("full", "true"));
        int export = run("export", Map.of("device", Evidence.DEVICE_A, "from", "2019-02-17", "to", "2019-02-17",
                "out", properties.home().resolve("bag").toString()));

        // then every step succeeded and not one ledger row was updated or deleted
        assertThat(List.of(fixity, verify, export)).containsOnly(0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger").query(Long.class).single()).isGreaterThan(20L);
        assertThat(CHANGES).hasValue(0);
        // and the watch really watches
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger SET actor = 'x' WHERE seq = 1").update())
                .hasMessageContaining("ledger watch: a ledger row was about to be updated");
        assertThat(CHANGES).hasValue(1);
    }

    private int run(String command, Map<String, String> options) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return TestCommands.run(context, command, List.of(), options, quiet, quiet);
    }
}
