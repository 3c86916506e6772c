package footage.jobs.integrity;

import footage.pipeline.text.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real fixity audit with SIGKILL part-way and resumes it: the restart is the same job instance (restarted
 * through JobOperator), it re-hashes only the objects the killed run had not committed, and the chain still verifies.
 */
class FixityCrashTests {

    @TempDir
    Path home;

    @Test
    void anAuditKilledPartWayResumesWhereItStoppedAndTheChainStillVerifies() throws Exception {
        // given an archive of four recordings
        Evidence.writeDumps(home.resolve("drop"));
        assertThat(finish(footage("ingest", "--footage.ingest.quiet-period=0s")).code()).isZero();

        // when the audit is killed while the third object is in flight
        Process first = footage("fixity", "--footage.debug.fixity-pause-at=3");
        String paused = awaitPause(first);
        // H2 writes committed transactions to its file up to WRITE_DELAY (500 ms) later; a kill sooner loses them
        // (both the catalog change and its ledger entry, so the chain stays whole). Wait that out so the kill
        // lands mid-audit with two objects durably checked.
        Thread.sleep(1500);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(paused).isEqualTo("PAUSED fixity 3");
        assertThat(checkedSubjects()).as("the two objects committed before the kill").hasSize(2);
        assertThat(strings("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'fixityAuditJob'")).containsExactly("STARTED");

        // and resumed
        Result resumed = finish(footage("fixity", "--resume"));

        // then the same audit finished, every object was checked exactly once, and the archive verifies
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("fixity: resuming audit ").contains("4 object(s) re-hashed by this audit, 4 OK, 0 FAILED");
        List<String> subjects = checkedSubjects();
        assertThat(subjects).hasSize(4).doesNotHaveDuplicates();
        assertThat(strings("SELECT DISTINCT payload FROM ledger WHERE entry_type = 'FIXITY_CHECKED'").stream()
                .map(FixityCrashTests::audit).distinct().toList()).as("one audit").hasSize(1);
        assertThat(strings("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'fixityAuditJob' ORDER BY e.JOB_EXECUTION_ID"))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(strings("SELECT s.WRITE_COUNT FROM BATCH_STEP_EXECUTION s WHERE s.STEP_NAME = 'fixityAuditStep' "
                + "ORDER BY s.STEP_EXECUTION_ID")).as("the restart re-hashed only what was left").endsWith("2");
        Result verify = finish(footage("verify", "--full"));
        assertThat(verify.code()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("verify: OK: ");

        // and a new audit with a max age skips what was just checked
        Result recent = finish(footage("fixity", "--footage.fixity.max-age=30d"));
        assertThat(recent.code()).as(recent.output()).isZero();
        assertThat(recent.output()).contains("0 object(s) re-hashed by this audit");
    }

    private static long audit(String payload) {
        return Json.MAPPER.readTree(payload).get("audit").asLong();
    }

    private List<String> checkedSubjects() throws SQLException {
        return strings("SELECT subject FROM ledger WHERE entry_type = 'FIXITY_CHECKED' ORDER BY seq");
    }

    record Result(int code, String output) {
    }

    private Process footage(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "footage.jobs.cli.Cli"));
        command.add(args[0]);
        command.addAll(List.of("--home", home.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Result finish(Process p) throws Exception {
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output.get(30, TimeUnit.SECONDS));
    }

    private static String awaitPause(Process p) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.startsWith("PAUSED ")) {
                        return l;
                    }
                    seen.append(l).append('\n');
                }
                return "ended without pausing:\n" + seen;
            } catch (IOException e) {
                return e.toString();
            }
        });
        return line.get(120, TimeUnit.SECONDS);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage") + ";AUTO_SERVER=TRUE", "sa", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
