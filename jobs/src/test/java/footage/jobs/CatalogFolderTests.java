package footage.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded catalog's folder is its owner's alone: H2's lock file in it holds the port and key that open the catalog
 * for writing, and the catalog holds the console's accounts and the access history.
 */
class CatalogFolderTests {

    @TempDir
    Path dir;

    @Test
    void theFolderOfAnEmbeddedCatalogIsFoundInItsUrlAndNoneInAnyOther() {
        // given / when / then
        assertThat(CatalogFolder.of("jdbc:h2:file:" + dir + "/db/footage;AUTO_SERVER=TRUE;WRITE_DELAY=0")).contains(dir.resolve("db"));
        assertThat(CatalogFolder.of("jdbc:h2:" + dir + "/other/catalog")).contains(dir.resolve("other"));
        assertThat(CatalogFolder.of("jdbc:h2:~/db/footage")).contains(Path.of(System.getProperty("user.home"), "db"));
        assertThat(CatalogFolder.of("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(CatalogFolder.of("jdbc:h2:tcp://localhost/~/footage")).isEmpty();
        assertThat(CatalogFolder.of("jdbc:h2:nioMapped:/x/footage")).isEmpty();
        assertThat(CatalogFolder.of("jdbc:postgresql://127.0.0.1:5432/footage")).isEmpty();
        assertThat(CatalogFolder.of(null)).isEmpty();
    }

    @Test
    void aNewFolderIsMadeForItsOwnerAloneAndAWiderOneIsNarrowed() throws Exception {
        // given a folder that is not there yet, and one everybody may read
        Path fresh = dir.resolve("home/db");
        Path wide = Files.createDirectories(dir.resolve("old/db"));
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxr-xr-x"));

        // when each is kept to its owner
        CatalogFolder.keepToOwner(fresh);
        CatalogFolder.keepToOwner(wide);

        // then both are rwx------
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wide))).isEqualTo("rwx------");
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
