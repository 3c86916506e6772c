package footage.jobs.ingest;

import footage.jobs.TestDumps;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.dump.DumpManifest;
import footage.pipeline.dump.ManifestParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The drop folder's first files read while {@code footage ingest} starts (issue 21, the whole process from a cold cache). */
class DropReadAheadTests {

    @TempDir
    Path dir;

    @Test
    void readsTheDumpsFilesInTheOrderTheRunTakesThemInAndChangesNothing() throws Exception {
        // given two dumps (dropped in the other order), a finished dump, a hidden folder and a stray file
        Path drop = dir.resolve("drop");
        TestDumps.drop(drop, "DUMP-B", "DSJ0000951", 2);
        TestDumps.drop(drop, "DUMP-A", "DSJ0000950", 2);
        Files.createDirectories(drop.resolve(".done/OLD"));
        Files.writeString(drop.resolve(".done/OLD/old.mp4"), "finished");
        Files.createDirectories(drop.resolve(".hidden"));
        Files.writeString(drop.resolve(".hidden/x.mp4"), "hidden");
        Files.writeString(drop.resolve("stray.mp4"), "stray");
        Map<Path, String> before = state(drop);

        // when
        DropReadAhead readAhead = DropReadAhead.start(drop, ".done", 1L << 30);

        // then every file of both dumps is read once, dump by dump in name order, each as its manifest lists it
        assertThat(readAhead.awaitEnd(Duration.ofSeconds(30))).isTrue();
        List<String> read = readAhead.files().stream().map(p -> drop.relativize(p).toString()).toList();
        assertThat(read).containsExactlyElementsOf(manifestOrder(drop, "DUMP-A", "DUMP-B"));
        assertThat(read).anyMatch(p -> p.endsWith("_0001.mp4")).noneMatch(p -> p.startsWith(".") || p.startsWith("stray"));
        long bytes = 0;
        for (String p : read) {
            bytes += Files.size(drop.resolve(p));
        }
        assertThat(readAhead.bytesRead()).isEqualTo(bytes);
        // and nothing in the drop folder changed: same files, same bytes, same modification times
        assertThat(state(drop)).isEqualTo(before);
    }

    @Test
    void stopsAtItsBudget() throws Exception {
        // given
        Path drop = dir.resolve("drop");
        TestDumps.drop(drop, "DUMP-A", "DSJ0000952", 3);
        List<String> order = manifestOrder(drop, "DUMP-A");
        long first = Files.size(drop.resolve(order.get(0)));

        // when the budget ends one byte into the second file
        DropReadAhead readAhead = DropReadAhead.start(drop, ".done", first + 1);

        // then
        assertThat(readAhead.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(readAhead.bytesRead()).isEqualTo(first + 1);
        assertThat(readAhead.files()).hasSize(2);
    }

    @Test
    void neverReadsThroughALink() throws Exception {
        // given a dump whose first listed file was replaced by a link to a file outside the drop folder
        Path drop = dir.resolve("drop");
        TestDumps.drop(drop, "DUMP-A", "DSJ0000953", 2);
        List<String> order = manifestOrder(drop, "DUMP-A");
        Path outside = Files.writeString(dir.resolve("outside.bin"), "x".repeat(100_000));
        Path replaced = drop.resolve(order.get(0));
        Files.delete(replaced);
        Files.createSymbolicLink(replaced, outside);

        // when
        DropReadAhead readAhead = DropReadAhead.start(drop, ".done", 1L << 30);

        // then only the regular file is read
        assertThat(readAhead.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(readAhead.files()).containsExactly(drop.resolve(order.get(1)));
        assertThat(readAhead.bytesRead()).isEqualTo(Files.size(drop.resolve(order.get(1))));
    }

    @Test
    void aMissingDropFolderIsNothingToRead() throws Exception {
        // when
        DropReadAhead readAhead = DropReadAhead.start(dir.resolve("none"), ".done", 1L << 30);

        // then
        assertThat(readAhead.awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(readAhead.bytesRead()).isZero();
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void theCommandReadsTheDropFolderOfItsHomeOrTheOneGiven() throws Exception {
        // given a home's drop folder and another one given with --drop
        Path home = dir.resolve("home");
        TestDumps.drop(home.resolve("drop"), "HOME-DUMP", "DSJ0000954", 1);
        Path other = dir.resolve("other");
        TestDumps.drop(other, "OTHER-DUMP", "DSJ0000955", 1);

        // when the command is about to start its context, as the CLI calls it
        IngestCommand onHome = new IngestCommand();
        onHome.beforeContext(List.of("--footage.home=" + home));
        IngestCommand onOther = new IngestCommand();
        onOther.beforeContext(List.of("--footage.home=" + home, "--footage.drop=" + other));

        // then each reads its own
        assertThat(onHome.dropReadAhead().awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(onOther.dropReadAhead().awaitEnd(Duration.ofSeconds(30))).isTrue();
        assertThat(onHome.dropReadAhead().files()).isNotEmpty().allMatch(p -> p.startsWith(home.resolve("drop/HOME-DUMP")));
        assertThat(onOther.dropReadAhead().files()).isNotEmpty().allMatch(p -> p.startsWith(other.resolve("OTHER-DUMP")));
    }

    /** The files of these dumps in the order of their manifests' entries (the order the run registers them in). */
    private static List<String> manifestOrder(Path drop, String... dumps) throws Exception {
        List<String> order = new ArrayList<>();
        for (String dump : dumps) {
            for (var entry : new ManifestParser().parse(drop.resolve(dump).resolve(DumpManifest.FILE_NAME)).files()) {
                order.add(dump + "/" + entry.path());
            }
        }
        return order;
    }

    private static Map<Path, String> state(Path drop) throws IOException {
        Map<Path, String> state = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(drop)) {
            for (Path p : walk.toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    state.put(p, DurableFiles.sha256(p) + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
                }
            }
        }
        return state;
    }
}
