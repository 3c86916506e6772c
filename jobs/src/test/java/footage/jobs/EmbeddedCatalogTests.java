package footage.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The embedded catalog's folder is its owner's alone: H2's lock file in it holds the port and key that open the catalog
 * for writing, and the catalog holds the console's accounts and the access history. A connection refused while another
 * process takes the file over is tried again; any other failure is not.
 */
class EmbeddedCatalogTests {

    @TempDir
    Path dir;

    @Test
    void theFolderOfAnEmbeddedCatalogIsFoundInItsUrlAndNoneInAnyOther() {
        // given / when / then
        assertThat(EmbeddedCatalog.of("jdbc:h2:file:" + dir + "/db/footage;AUTO_SERVER=TRUE;WRITE_DELAY=0")).contains(dir.resolve("db"));
        assertThat(EmbeddedCatalog.of("jdbc:h2:" + dir + "/other/catalog")).contains(dir.resolve("other"));
        assertThat(EmbeddedCatalog.of("jdbc:h2:~/db/footage")).contains(Path.of(System.getProperty("user.home"), "db"));
        assertThat(EmbeddedCatalog.of("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(EmbeddedCatalog.of("jdbc:h2:tcp://localhost/~/footage")).isEmpty();
        assertThat(EmbeddedCatalog.of("jdbc:h2:nioMapped:/x/footage")).isEmpty();
        assertThat(EmbeddedCatalog.of("jdbc:postgresql://127.0.0.1:5432/footage")).isEmpty();
        assertThat(EmbeddedCatalog.of(null)).isEmpty();
    }

    @Test
    void aNewFolderIsMadeForItsOwnerAloneAndAWiderOneIsNarrowed() throws Exception {
        // given a folder that is not there yet, and one everybody may read
        Path fresh = dir.resolve("home/db");
        Path wide = Files.createDirectories(dir.resolve("old/db"));
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxr-xr-x"));

        // when each is kept to its owner
        EmbeddedCatalog.keepToOwner(fresh);
        EmbeddedCatalog.keepToOwner(wide);

        // then both are rwx------
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wide))).isEqualTo("rwx------");
    }

    @Test
    void aFolderThatIsAFileIsLeftAsItIsAndOpeningTheCatalogThereFailsAtOnce() throws Exception {
        // given a regular file where the catalog's folder goes
        Path db = Files.writeString(dir.resolve("db"), "not a folder");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        String url = "jdbc:h2:file:" + db + "/footage;AUTO_SERVER=TRUE";

        // when the folder is kept and a connection is asked for
        EmbeddedCatalog.keepToOwner(db);
        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> new EmbeddedCatalog.WaitingForTakeOver(url, Duration.ofSeconds(20))
                .getConnection("sa", "").close());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then the file is as it was, and H2's reason comes at once, not after the take-over's wait
        assertThat(Files.readString(db)).isEqualTo("not a folder");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-r--r--");
        assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("already exists");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aConnectionWhileAnotherProcessTakesTheFileOverWaitsForItWhereH2AloneRefuses() throws Exception {
        // given a catalog file, and its lock file kept fresh for 6 s as while another process takes the file over
        String url = "jdbc:h2:file:" + dir.resolve("db/footage") + ";AUTO_SERVER=TRUE";
        new EmbeddedCatalog.WaitingForTakeOver(url, Duration.ZERO).getConnection("sa", "").close();
        Path lock = Files.writeString(dir.resolve("db/footage.lock.db"), "#FileLock\nmethod=file\nid=other\n");
        Thread other = new Thread(() -> {
            long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            try {
                while (System.nanoTime() < end) {
                    Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();

        // when H2 is asked at once without waiting, and then with the take-over's wait
        Throwable alone = catchThrowable(() -> new EmbeddedCatalog.WaitingForTakeOver(url, Duration.ZERO)
                .getConnection("sa", "").close());
        boolean stillTakingOver = other.isAlive();
        try (Connection waited = new EmbeddedCatalog.WaitingForTakeOver(url, EmbeddedCatalog.TAKE_OVER_WAIT)
                .getConnection("sa", "")) {
            other.join();

            // then H2 alone refuses while the other process is at it, and the wait gets the catalog after it
            assertThat(stillTakingOver).isTrue();
            assertThat(alone).isInstanceOf(SQLException.class).hasMessageContaining("Lock file recently modified");
            assertThat(waited.isValid(5)).isTrue();
        }
    }

    @Test
    void onlyARefusalOfATakeOverIsTriedAgain() {
        // given / when / then
        assertThat(EmbeddedCatalog.takingOver(new SQLException("Error opening database: \"Lock file recently modified\"",
                "08000", 8000))).isTrue();
        assertThat(EmbeddedCatalog.takingOver(new SQLException("Database may be already in use: \"Locked by another process\"",
                "90020", 90020))).isTrue();
        assertThat(EmbeddedCatalog.takingOver(new SQLException("Error opening database: \"Concurrent update\"", "08000", 8000)))
                .isTrue();
        assertThat(EmbeddedCatalog.takingOver(new SQLException("Error opening database: \"File corrupted\"", "08000", 8000)))
                .isFalse();
        assertThat(EmbeddedCatalog.takingOver(new SQLException("Wrong user name or password", "28000", 28000))).isFalse();
    }

    @Test
    void aNewHomesCatalogAndAnOlderWideOneAreTheOwnersAloneInEveryKindOfProcess() throws Exception {
        // given a new home (its first command runs in the whole application, which makes the catalog)
        Path home = dir.resolve("home");
        Path logs = FootageProcess.logs(getClass(), "processes");
        try (FootageProcess first = FootageProcess.command(home, logs.resolve("first.log"), null, List.of("jobs", "list"))) {
            assertThat(first.awaitExit(Duration.ofSeconds(120))).as(first.tail()).isZero();
        }
        Path db = home.resolve("db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rwx------");

        // when the folder was left readable by all (an older version) and a command in its slim context runs
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (FootageProcess second = FootageProcess.command(home, logs.resolve("second.log"), null, List.of("catalog", "list"))) {
            assertThat(second.awaitExit(Duration.ofSeconds(120))).as(second.tail()).isZero();

            // then it is narrowed again, and the command says so
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rwx------");
            assertThat(second.output()).contains("was rwxr-xr-x: now rwx------");
        }
    }
}
