package footage.jobs;

import footage.pipeline.archive.DurableFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence and what is made from it (proxies, finished dumps, reports, ...) are kept from the machine's other accounts,
 * as the archive is: a local account must not watch footage without the console and its access history.
 */
class PrivateFoldersTests {

    @TempDir
    Path dir;

    @Test
    void aFolderIsMadeForItsOwnerAndGroupAndOneOpenToOthersIsNarrowed() throws Exception {
        // given a folder open to every account, one that is not, and one that is not there
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path closed = Files.createDirectories(dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        // when
        PrivateFolders.narrow(open);
        PrivateFolders.narrow(closed);
        PrivateFolders.narrow(dir.resolve("missing"));
        Path made = dir.resolve("made/inner");
        DurableFiles.createPrivateDirectories(made);

        // then others lose their access and nothing else changes
        assertThat(permissions(open)).isEqualTo("rwxrwx---");
        assertThat(permissions(closed)).isEqualTo("rwx------");
        assertThat(dir.resolve("missing")).doesNotExist();
        assertThat(permissions(made)).isEqualTo("rwxr-x---");
        assertThat(permissions(made.getParent())).isEqualTo("rwxr-x---");
    }

    @Test
    void whatAnIngestATranscodeAndAnAuditLeaveIsClosedToOthersAndAnOlderOpenHomeIsNarrowed() throws Exception {
        // given a dump ingested, transcoded and audited by real processes on a new home
        Path home = dir.resolve("home");
        TestDumps.drop(home.resolve("drop"), "ST01_DSJ0000777_20190217180512", "DSJ0000777", 2);
        Path logs = FootageProcess.logs(getClass(), "home");
        for (String command : List.of("ingest", "transcode", "fixity")) {
            try (FootageProcess run = FootageProcess.command(home, logs.resolve(command + ".log"), null, List.of(command))) {
                assertThat(run.awaitExit(Duration.ofSeconds(180))).as(run.tail()).isZero();
            }
        }
        List<Path> kept = List.of(home.resolve("archive"), home.resolve("proxies"), home.resolve("reports"),
                home.resolve("drop/.done"));

        // then each, and every folder it made in it, is closed to others (a finished dump keeps the folder it came in)
        for (Path top : kept) {
            assertThat(top).isDirectory();
            assertThat(openToOthers(top)).as(top.toString()).isFalse();
        }
        for (Path top : kept.subList(0, 3)) {
            try (Stream<Path> all = Files.walk(top)) {
                assertThat(all.filter(Files::isDirectory)).as("folders open to others under " + top)
                        .noneMatch(PrivateFoldersTests::openToOthers);
            }
        }
        assertThat(home.resolve("proxies")).isNotEmptyDirectory();

        // and when an older version left them open to others, the next command closes them and says so
        for (Path top : kept) {
            Files.setPosixFilePermissions(top, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (FootageProcess list = FootageProcess.command(home, logs.resolve("list.log"), null, List.of("catalog", "list"))) {
            assertThat(list.awaitExit(Duration.ofSeconds(120))).as(list.tail()).isZero();
            for (Path top : kept) {
                assertThat(permissions(top)).as(top.toString()).isEqualTo("rwxr-x---");
                assertThat(list.output()).contains(top + " was rwxr-xr-x: now rwxr-x---");
            }
        }
    }

    private static boolean openToOthers(Path folder) {
        try {
            return Files.getPosixFilePermissions(folder).stream().anyMatch(p -> p.name().startsWith("OTHERS_"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String permissions(Path folder) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
    }
}
