package footage.jobs.ingest;

import footage.jobs.FootageProcess;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.DumpSpec;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static footage.jobs.ingest.Drops.clip;
import static footage.jobs.ingest.Drops.dump;
import static footage.jobs.ingest.Drops.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source files that are not what discovery registered by the time they are read: swapped for a link or another file,
 * still growing, or unreadable. Separate JVMs (a real pause between discovery and the copy), H2; every scenario ends
 * with each source's bytes accounted for ({@link Accounted}) and {@code verify --full} passing.
 */
class StubbornSourcesTests {

    private static final Duration RUN = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void aFileSwappedForALinkOrAnotherFileAfterDiscoveryIsNotTakenAndItsDumpSaysSo() throws Exception {
        // given a dump, and files outside the drop folder: a secret and two recordings of somebody else
        Path drop = home.resolve("drop");
        String a = name("DSJ0000180", "093000", 1);
        String b = name("DSJ0000180", "093002", 2);
        Path dir = Drops.write(drop, dump("swap", "DSJ0000180", List.of(FileSpec.video(a, clip(1)),
                FileSpec.bytes("notes.txt", "station notes\n".getBytes(StandardCharsets.UTF_8)), FileSpec.video(b, clip(1)))));
        Path outside = Drops.GENERATOR.writeDump(home.resolve("outside"), new DumpSpec("o", null, "DSJ0000999", "100234",
                null, null, null, false, List.of(FileSpec.video("x.mp4", clip(1)), FileSpec.video("y.mp4", clip(1)))));
        Path secret = Files.writeString(home.resolve("shadow"), "root:$6$secret:19000::::::\n");
        Map<String, String> sources = Accounted.sources(drop, "swap");
        String outsideX = DurableFiles.sha256(outside.resolve("x.mp4"));
        String outsideY = DurableFiles.sha256(outside.resolve("y.mp4"));
        Path logs = FootageProcess.logs(getClass(), "swap");

        // when, after discovery and before the first file is opened, the files are swapped for links and another file
        // (one file at a time: with two side by side the second would be opened while the first waits)
        try (FootageProcess run = ingest(logs.resolve("ingest.log"), "--footage.debug.pause-at=before-open:1",
                "--footage.ingest.files-at-once=1")) {
            assertThat(run.awaitPause(RUN)).isEqualTo("PAUSED before-open");
            Files.delete(dir.resolve("notes.txt"));
            Files.createSymbolicLink(dir.resolve("notes.txt"), secret);
            Files.delete(dir.resolve(a));
            Files.createSymbolicLink(dir.resolve(a), outside.resolve("x.mp4"));
            Files.move(outside.resolve("y.mp4"), dir.resolve(b), StandardCopyOption.REPLACE_EXISTING);
            run.resume();
            assertThat(run.awaitExit(RUN)).as(run::tail).isZero();
        }

        // then none of them is taken: not the secret, not the recordings from elsewhere; the dump's findings name them
        JdbcClient db = Accounted.h2(home);
        assertThat(db.sql("SELECT path || ' ' || status FROM dump_files ORDER BY path").query(String.class).list())
                .containsExactly(a + " REJECTED", b + " REJECTED", "notes.txt REJECTED");
        assertThat(db.sql("SELECT path || ' ' || kind FROM findings WHERE kind = 'SOURCE_REPLACED' ORDER BY path")
                .query(String.class).list()).containsExactly(a + " SOURCE_REPLACED", b + " SOURCE_REPLACED", "notes.txt SOURCE_REPLACED");
        assertThat(db.sql("SELECT reason FROM dump_files WHERE path = 'notes.txt'").query(String.class).single())
                .contains("replaced by a symbolic link");
        assertThat(db.sql("SELECT reason FROM dump_files WHERE path = ?").param(b).query(String.class).single())
                .contains("replaced by another file");
        assertThat(db.sql("SELECT COUNT(*) FROM recordings WHERE sha256 IN (?, ?)").params(outsideX, outsideY)
                .query(Long.class).single()).isZero();
        assertThat(Drops.tree(home.resolve("archive"))).isEmpty();
        assertThat(Drops.tree(home.resolve("quarantine"))).isEmpty();
        assertThat(Files.readString(secret)).startsWith("root:");
        Accounted.check(sources, home, logs.resolve("verify.log"));
    }

    @ParameterizedTest(name = "grown {0}")
    @ValueSource(strings = {"before-open:1", "mid-copy:1"})
    void aFileThatGrowsAfterDiscoveryIsNotSettledUntilItIsStable(String point) throws Exception {
        // given a dump whose manifest lists its recording's size, and a run with no quiet period paused at that point
        Path drop = home.resolve("drop");
        String clip = name("DSJ0000181", "093000", 1);
        Path dir = Drops.write(drop, dump("grow", "DSJ0000181", List.of(FileSpec.video(clip, clip(1)))));
        long listed = Files.size(dir.resolve(clip));
        Path logs = FootageProcess.logs(getClass(), "grow-" + point);

        // when the station is still writing the recording meanwhile
        try (FootageProcess run = ingest(logs.resolve("first.log"), "--footage.debug.pause-at=" + point)) {
            assertThat(run.awaitPause(RUN)).isEqualTo("PAUSED " + point.substring(0, point.indexOf(':')));
            Files.write(dir.resolve(clip), new byte[4096], StandardOpenOption.APPEND);
            run.resume();
            assertThat(run.awaitExit(RUN)).as(run::tail).isZero();
        }

        // then it is not settled, nothing was archived, and the dump stays open
        JdbcClient db = Accounted.h2(home);
        assertThat(db.sql("SELECT status FROM dump_files").query(String.class).single()).isEqualTo("FAILED");
        assertThat(db.sql("SELECT reason FROM dump_files").query(String.class).single())
                .contains("still changing").contains("taken again once it is stable");
        assertThat(db.sql("SELECT status FROM dumps").query(String.class).single()).isEqualTo("REGISTERED");
        assertThat(Drops.tree(home.resolve("archive").resolve("sha256"))).isEmpty();

        // and once it stays the same from one run to the next, it is taken at its final size, with a finding
        Map<String, String> sources = Accounted.sources(drop, "grow");
        try (FootageProcess next = ingest(logs.resolve("second.log"))) {
            assertThat(next.awaitExit(RUN)).as(next::tail).isZero();
        }
        assertThat(db.sql("SELECT status FROM dump_files").query(String.class).single()).isIn("ARCHIVED", "DAMAGED");
        assertThat(db.sql("SELECT size_bytes FROM recordings").query(Long.class).single()).isEqualTo(listed + 4096);
        assertThat(db.sql("SELECT kind FROM findings WHERE path = ?").param(clip).query(String.class).list())
                .contains("SIZE_MISMATCH");
        assertThat(db.sql("SELECT status FROM dumps").query(String.class).single()).isEqualTo("DONE");
        Accounted.check(sources, home, logs.resolve("verify.log"));
    }

    @Test
    void aFileWhoseReadsFailRunAfterRunIsSettledUnreadableAfterMaxAttemptsAndItsDumpFinishes() throws Exception {
        // given a dump with a recording on a failing disk (every read of it fails)
        Path drop = home.resolve("drop");
        String good = name("DSJ0000182", "093000", 1);
        String bad = name("DSJ0000182", "093002", 2);
        Drops.write(drop, dump("eio", "DSJ0000182", List.of(FileSpec.video(good, clip(1)), FileSpec.video(bad, clip(1)))));
        Map<String, String> sources = Accounted.sources(drop, "eio");
        Path logs = FootageProcess.logs(getClass(), "eio");
        JdbcClient db = Accounted.h2(home);

        // when ingest runs three times (footage.ingest.max-attempts defaults to 3)
        List<String> after = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            try (FootageProcess p = ingest(logs.resolve("run" + run + ".log"), "--footage.debug.io-error=" + bad)) {
                assertThat(p.awaitExit(RUN)).as(p::tail).isZero();
            }
            after.add(db.sql("SELECT status || ' ' || attempts FROM dump_files WHERE path = ?").param(bad).query(String.class).single()
                    + " / " + db.sql("SELECT status FROM dumps").query(String.class).single());
        }

        // then it is tried twice, and the third failure settles it: left in place, named in a finding, and its dump finishes
        assertThat(after).containsExactly("FAILED 1 / REGISTERED", "FAILED 2 / REGISTERED", "UNREADABLE 3 / DONE");
        assertThat(db.sql("SELECT reason FROM dump_files WHERE path = ?").param(bad).query(String.class).single())
                .startsWith("unreadable: reading it failed in 3 run(s)").contains("Input/output error");
        assertThat(db.sql("SELECT kind FROM findings WHERE path = ?").param(bad).query(String.class).list())
                .containsExactly("UNREADABLE_FILE");
        assertThat(db.sql("SELECT status FROM dump_files WHERE path = ?").param(good).query(String.class).single())
                .isEqualTo("ARCHIVED");
        assertThat(Drops.tree(drop).keySet()).as("the unreadable file is kept, moved with its dump")
                .anyMatch(p -> p.endsWith("_eio/" + bad));
        Accounted.check(sources, home, logs.resolve("verify.log"));
    }

    @Test
    void aFullArchiveDiskIsAPassingErrorThatNeverCountsAsAnAttempt() throws Exception {
        // given an archive on a file system too small for any recording (a real "No space left on device")
        Path archive = Files.createDirectories(home.resolve("archive"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", archive.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "needs to mount a tmpfs: " + new String(mount.getInputStream().readAllBytes()));
        try {
            Path drop = home.resolve("drop");
            String clip = name("DSJ0000183", "093000", 1);
            Drops.write(drop, dump("full", "DSJ0000183", List.of(FileSpec.video(clip, clip(1)))));
            Map<String, String> sources = Accounted.sources(drop, "full");
            Path logs = FootageProcess.logs(getClass(), "enospc");
            JdbcClient db = Accounted.h2(home);

            // when ingest runs more often than footage.ingest.max-attempts allows for a failing file
            for (int run = 1; run <= 2; run++) {
                try (FootageProcess p = ingest(logs.resolve("run" + run + ".log"), "--footage.ingest.max-attempts=1")) {
                    assertThat(p.awaitExit(RUN)).as(p::tail).isZero();
                }
            }

            // then the file is still to be retried, uncounted, and says why
            assertThat(db.sql("SELECT status || ' ' || attempts FROM dump_files").query(String.class).single()).isEqualTo("FAILED 0");
            assertThat(db.sql("SELECT reason FROM dump_files").query(String.class).single())
                    .startsWith("passing error, tried again next run").contains("No space left on device");

            // and once there is room, it is archived
            assertThat(new ProcessBuilder("umount", archive.toString()).start().waitFor()).isZero();
            try (FootageProcess p = ingest(logs.resolve("run3.log"))) {
                assertThat(p.awaitExit(RUN)).as(p::tail).isZero();
            }
            assertThat(db.sql("SELECT status FROM dump_files").query(String.class).single()).isEqualTo("ARCHIVED");
            Accounted.check(sources, home, logs.resolve("verify.log"));
        } finally {
            new ProcessBuilder("umount", archive.toString()).start().waitFor();
        }
    }

    private FootageProcess ingest(Path log, String... extra) {
        List<String> args = new ArrayList<>(List.of("ingest", "--footage.ingest.quiet-period=0s"));
        args.addAll(List.of(extra));
        return FootageProcess.start(home, log, args);
    }
}
