package footage.jobs.ingest;

import footage.jobs.CatalogContext;
import footage.jobs.CatalogNotCurrent;
import footage.jobs.FootageApplication;
import footage.jobs.FootageProcess;
import footage.jobs.SlimContextRefused;
import footage.jobs.cli.Cli;
import footage.pipeline.sample.FileSpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static footage.jobs.ingest.Drops.clip;
import static footage.jobs.ingest.Drops.dump;
import static footage.jobs.ingest.Drops.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code footage ingest} in its own context (issue 17, point 2): only what the ingest job needs, the same results. */
class IngestContextTests {

    private static final Class<?>[] INGEST_CONTEXT = {CatalogContext.class, IngestContext.class};

    @TempDir
    Path tmp;

    @Test
    void theIngestContextHoldsTheIngestJobAndNoneOfTheService() {
        // given an existing home
        Path home = migrated(tmp.resolve("home"));

        // when the ingest's context starts on it
        try (ConfigurableApplicationContext context = new SpringApplication(INGEST_CONTEXT).run("--footage.home=" + home)) {
            // then it has the ingest job and an operator to run it, and nothing of the other jobs, schedules, console,
            // cluster, metrics endpoint or migrations
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeansOfType(Job.class).keySet()).containsExactly(IngestJobConfiguration.JOB_NAME);
            assertThat(context.getBeanNamesForType(JobOperator.class)).hasSize(1);
            for (Class<?> absent : List.of(Scheduler.class, ConnectionFactory.class, SecurityFilterChain.class, Flyway.class)) {
                assertThat(context.getBeanNamesForType(absent)).as(absent.getSimpleName()).isEmpty();
            }
            assertThat(context.getBeanDefinitionNames()).noneMatch(n -> n.toLowerCase().contains("prometheus")
                    || n.toLowerCase().contains("quartz") || n.toLowerCase().contains("rabbit"));
        }
    }

    @Test
    void anIngestInItsOwnContextLeavesTheSameCatalogAndLedgerAsInTheWholeApplication() throws Exception {
        // given two existing homes with the sample media in their drop folders
        Path slim = migrated(tmp.resolve("slim"));
        Path whole = migrated(tmp.resolve("whole"));
        for (Path home : List.of(slim, whole)) {
            FileSystemUtils.copyRecursively(Path.of("..", "sample-media").toAbsolutePath().normalize(), home.resolve("drop"));
            Files.deleteIfExists(home.resolve("drop/README.md"));
        }

        // when one is ingested by the command (its own context) and the other in the whole application
        Result slimRun = run("--home", slim.toString(), "--footage.ingest.quiet-period=0s", "ingest");
        Result wholeRun;
        try (ConfigurableApplicationContext context = new SpringApplication(FootageApplication.class)
                .run("--footage.home=" + whole, "--footage.ingest.quiet-period=0s")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Cli.run(context, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "ingest");
            wholeRun = new Result(code, out.toString(StandardCharsets.UTF_8), "");
        }

        // then the same exit code and counts, and the same rows in the catalog and the ledger
        assertThat(slimRun.code()).as(slimRun.err()).isZero();
        assertThat(wholeRun.code()).isZero();
        assertThat(counts(slimRun.out())).isEqualTo(counts(wholeRun.out()))
                .anyMatch(line -> line.matches(" *recordings: +[1-9]\\d* archived.*"));
        for (String table : List.of("recordings", "dumps", "dump_files", "findings", "ledger")) {
            List<String> slimRows = rows(slim, table);
            assertThat(slimRows).as(table).isEqualTo(rows(whole, table));
            if (!table.equals("findings")) {
                assertThat(slimRows).as(table).isNotEmpty();
            }
        }
    }

    @Test
    void onACatalogWithoutEveryMigrationTheIngestRunsInTheWholeApplicationWhichMigratesIt() {
        // given a new home: no catalog yet
        Path home = tmp.resolve("new");

        // when / then the ingest's own context refuses it
        assertThatThrownBy(() -> new SpringApplication(INGEST_CONTEXT).run("--footage.home=" + home).close())
                .hasRootCauseInstanceOf(CatalogNotCurrent.class);
        // and the command still ingests, in the whole application, which creates the catalog
        Result first = run("--home", home.toString(), "ingest");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("ingest: COMPLETED");
        // after which the ingest's own context starts
        new SpringApplication(INGEST_CONTEXT).run("--footage.home=" + home).close();
    }

    @Test
    void aClusterManagersIngestIsRefusedByTheOwnContextSoThatItRunsInTheWholeApplication() {
        // given an existing home
        Path home = migrated(tmp.resolve("manager"));

        // when / then the ingest's own context refuses a manager or a worker, whose file step is the cluster's
        // (footage.jobs.partition), and the command falls back to the whole application, as ClusterIngestTests runs it
        for (String role : List.of("manager", "worker", "MANAGER")) {
            assertThatThrownBy(() -> new SpringApplication(INGEST_CONTEXT).run("--footage.home=" + home,
                    "--footage.role=" + role).close()).hasRootCauseInstanceOf(SlimContextRefused.class)
                    .hasStackTraceContaining("footage.role=" + role.toLowerCase(java.util.Locale.ROOT));
        }
        // and a single node's starts
        new SpringApplication(INGEST_CONTEXT).run("--footage.home=" + home, "--footage.role=all").close();
    }

    @Test
    void anIngestKilledInItsOwnContextIsRecoveredByTheNextOneAndNothingIsTakenTwice() throws Exception {
        // given an existing home and a dump of two recordings
        Path home = migrated(tmp.resolve("killed"));
        Path dir = Drops.write(home.resolve("drop"), dump("crash", "DSJ0000200", List.of(
                FileSpec.video(name("DSJ0000200", "093000", 1), clip(2)),
                FileSpec.video(name("DSJ0000200", "093002", 2), clip(2)))));
        assertThat(dir).exists();

        // when an ingest (its own context: the catalog is current) is killed after its first commit
        Path logs = FootageProcess.logs(getClass(), "killed");
        try (FootageProcess first = FootageProcess.start(home, logs.resolve("first.log"),
                List.of("ingest", "--footage.ingest.quiet-period=0s", "--footage.debug.pause-at=after-commit:1"))) {
            assertThat(first.awaitPause(Duration.ofSeconds(120))).isEqualTo("PAUSED after-commit");
            first.kill();
        }
        // and another ingest runs (a process on this host that is gone is known dead at once)
        Result second = run("--home", home.toString(), "--footage.ingest.quiet-period=0s", "ingest");

        // then the killed execution is marked FAILED (so it could be restarted), the new one took the rest, and every
        // file is archived once
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "")) {
            assertThat(strings(db, "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e ORDER BY e.JOB_EXECUTION_ID"))
                    .containsExactly("COMPLETED", "FAILED", "COMPLETED");
            assertThat(strings(db, "SELECT status FROM dump_files ORDER BY path")).containsExactly("ARCHIVED", "ARCHIVED");
            assertThat(strings(db, "SELECT COUNT(*) FROM recordings")).containsExactly("2");
        }
    }

    @Test
    void anIngestInItsOwnContextRecoversAnotherJobADeadProcessLeftRunningAsTheWholeApplicationDoes() throws Exception {
        // given a home with recordings and a fixity audit killed part-way (its execution left STARTED)
        Path home = migrated(tmp.resolve("dead-fixity"));
        FileSystemUtils.copyRecursively(Path.of("..", "sample-media").toAbsolutePath().normalize(), home.resolve("drop"));
        Files.deleteIfExists(home.resolve("drop/README.md"));
        assertThat(run("--home", home.toString(), "--footage.ingest.quiet-period=0s", "ingest").code()).isZero();
        Path logs = FootageProcess.logs(getClass(), "dead-fixity");
        try (FootageProcess fixity = FootageProcess.start(home, logs.resolve("fixity.log"),
                List.of("fixity", "--footage.debug.fixity-pause-at=2"))) {
            assertThat(fixity.awaitPause(Duration.ofSeconds(120))).startsWith("PAUSED fixity");
            fixity.kill();
        }

        // when an ingest runs in its own context, which holds no fixity job
        Result ingest = run("--home", home.toString(), "ingest");

        // then the dead audit's execution is FAILED, so it can be restarted
        assertThat(ingest.code()).as(ingest.err()).isZero();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "")) {
            assertThat(strings(db, "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                    + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'fixityAuditJob'")).containsExactly("FAILED");
        }
    }

    /** A home whose catalog the whole application has created: an ingest of an empty drop. */
    private static Path migrated(Path home) {
        try {
            Files.createDirectories(home.resolve("drop"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Result r = run("--home", home.toString(), "ingest");
        assertThat(r.code()).as(r.err()).isZero();
        return home;
    }

    /** The summary's count lines, without the run's time and execution id. */
    private static List<String> counts(String summary) {
        return summary.lines().filter(l -> !l.startsWith("ingest:") && !l.contains("results:") && !l.contains("see:")).toList();
    }

    /** Every row of the table without what differs between any two runs (times, hashes over times, the copies' inodes), the home named HOME. */
    private static List<String> rows(Path home, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase();
                    int type = meta.getColumnType(i);
                    boolean time = type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE || column.endsWith("_at")
                            || column.equals("payload") || column.endsWith("hash")
                            // which copy of the source files it saw: their times and inodes differ between the homes
                            || column.endsWith("_mtime_ns") || column.endsWith("file_key");
                    if (!time) {
                        String value = rs.getString(i);
                        // the probe's facts name the archived file, which lies under each home
                        row.append(column).append('=').append(value == null ? null : value.replace(home.toString(), "HOME")).append(' ');
                    }
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
