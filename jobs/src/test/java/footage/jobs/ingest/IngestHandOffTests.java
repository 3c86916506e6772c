package footage.jobs.ingest;

import footage.jobs.FootageProcess;
import footage.jobs.FootageProperties;
import footage.jobs.TestDumps;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static footage.jobs.ingest.Drops.clip;
import static footage.jobs.ingest.Drops.dump;
import static footage.jobs.ingest.Drops.name;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: {@code footage ingest} while {@code serve} runs on the home is run by serve, whose JVM is up and warm; when
 * serve cannot take it (killed, another drop folder, settings of the command's own, {@code --here}) the command runs it
 * itself, as before. Real processes, the embedded catalog.
 */
class IngestHandOffTests {

    private static final Duration LONG = Duration.ofSeconds(180);

    @TempDir
    Path home;

    @Test
    void anIngestWhileServeRunsIsRunByServeAndOnlyItsUserMayAskForOne() throws Exception {
        Path logs = FootageProcess.logs(getClass(), "handed");
        // given serve on the home, its own ingest schedule off
        try (FootageProcess serve = FootageProcess.serve(home, logs.resolve("serve.log"), null,
                "--footage.schedule.ingest.enabled=false")) {
            serve.awaitServing(LONG);
            Path socket = home.resolve("run/serve.sock");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            Drops.write(home.resolve("drop"), dump("handed", "DSJ0000210", List.of(
                    FileSpec.video(name("DSJ0000210", "093000", 1), clip(1)), FileSpec.video(name("DSJ0000210", "093100", 2), clip(1)))));

            // when the command line asks for an ingest, with no settings of its own
            try (FootageProcess ingest = FootageProcess.start(home, logs.resolve("ingest.log"), List.of("ingest"))) {
                int exit = ingest.awaitExit(LONG);

                // then serve ran it and the command showed its progress, summary and exit code
                assertThat(exit).as(ingest::tail).isZero();
                assertThat(ingest.lines()).contains("footage: ingest handed to the serve running on this home (pid "
                        + serve.pid() + "); Ctrl-C leaves the run to it (footage jobs list shows it)");
                assertThat(ingest.lines()).anyMatch(l -> l.startsWith("ingest: [2/2] handed/DSJ0000210_100234_20190217_093100_0002.mp4 ("));
                assertThat(ingest.lines()).anyMatch(l -> l.matches("ingest: COMPLETED in [0-9.]+ s \\(job execution \\d+\\)"));
                assertThat(ingest.lines()).contains("  recordings:  2 archived, 0 damaged (archived, flagged), 0 duplicate(s) linked");
                // and started no application of its own: no log line of a context, no catalog opened
                assertThat(ingest.lines()).noneMatch(l -> l.contains(" INFO ") || l.contains(" WARN "));
                assertThat(serve.lines()).anyMatch(l -> l.contains("an ingest handed over from the command line starts"));
                assertThat(TestDumps.archivedHashes(home)).hasSize(2);
            }
            // and serve, once stopped, takes its socket with it
            serve.terminate(LONG);
            assertThat(socket).doesNotExist();
        }
    }

    @Test
    void serveThatCannotTakeTheIngestLeavesItToTheCommand() {
        Path logs = FootageProcess.logs(getClass(), "not-handed");
        try (FootageProcess serve = FootageProcess.serve(home, logs.resolve("serve.log"), null,
                "--footage.schedule.ingest.enabled=false")) {
            serve.awaitServing(LONG);

            // when the command takes dumps from another drop folder, then it runs the ingest itself, saying why
            Path elsewhere = home.resolve("elsewhere");
            Drops.write(elsewhere, dump("other-drop", "DSJ0000211", List.of(FileSpec.video(name("DSJ0000211", "093000", 1), clip(1)))));
            try (FootageProcess ingest = FootageProcess.start(home, logs.resolve("other-drop.log"), List.of("ingest", "--drop", elsewhere.toString()))) {
                assertThat(ingest.awaitExit(LONG)).as(ingest::tail).isZero();
                assertThat(ingest.lines()).contains("footage: the ingest runs in this process: serve takes dumps from "
                        + home.resolve("drop") + ", not " + elsewhere);
                assertThat(ingest.lines()).contains("  recordings:  1 archived, 0 damaged (archived, flagged), 0 duplicate(s) linked");
            }

            // when it is given settings of its own, or --here, then it runs the ingest itself without a word of serve
            Drops.write(home.resolve("drop"), dump("own-settings", "DSJ0000212", List.of(FileSpec.video(name("DSJ0000212", "093000", 1), clip(1)))));
            try (FootageProcess ingest = FootageProcess.start(home, logs.resolve("own-settings.log"),
                    List.of("ingest", "--footage.ingest.files-at-once=1"))) {
                assertThat(ingest.awaitExit(LONG)).as(ingest::tail).isZero();
                assertThat(ingest.lines()).noneMatch(l -> l.startsWith("footage:"));
                assertThat(ingest.lines()).contains("  recordings:  1 archived, 0 damaged (archived, flagged), 0 duplicate(s) linked");
            }
            Drops.write(home.resolve("drop"), dump("here", "DSJ0000213", List.of(FileSpec.video(name("DSJ0000213", "093000", 1), clip(1)))));
            try (FootageProcess ingest = FootageProcess.start(home, logs.resolve("here.log"), List.of("ingest", "--here"))) {
                assertThat(ingest.awaitExit(LONG)).as(ingest::tail).isZero();
                assertThat(ingest.lines()).noneMatch(l -> l.startsWith("footage:"));
                assertThat(ingest.lines()).contains("  recordings:  1 archived, 0 damaged (archived, flagged), 0 duplicate(s) linked");
            }
            assertThat(serve.lines()).noneMatch(l -> l.contains("handed over from the command line"));
        }
    }

    @Test
    void theSocketOfAKilledServeIsPassedOverAndTheNextServeTakesItsPlace() {
        Path logs = FootageProcess.logs(getClass(), "killed");
        // given a serve killed with -9: its socket stays behind, nobody listening
        try (FootageProcess serve = FootageProcess.serve(home, logs.resolve("killed-serve.log"), null,
                "--footage.schedule.ingest.enabled=false")) {
            serve.awaitServing(LONG);
            serve.kill();
        }
        assertThat(home.resolve("run/serve.sock")).exists();
        Drops.write(home.resolve("drop"), dump("after-kill", "DSJ0000214", List.of(FileSpec.video(name("DSJ0000214", "093000", 1), clip(1)))));

        // when the command line asks for an ingest, then it runs it itself, quietly
        try (FootageProcess ingest = FootageProcess.start(home, logs.resolve("after-kill.log"), List.of("ingest"))) {
            assertThat(ingest.awaitExit(LONG)).as(ingest::tail).isZero();
            assertThat(ingest.lines()).noneMatch(l -> l.startsWith("footage:"));
            assertThat(ingest.lines()).contains("  recordings:  1 archived, 0 damaged (archived, flagged), 0 duplicate(s) linked");
        }

        // and the next serve listens in the old socket's place
        try (FootageProcess serve = FootageProcess.serve(home, logs.resolve("next-serve.log"), null,
                "--footage.schedule.ingest.enabled=false")) {
            serve.awaitServing(LONG);
            Drops.write(home.resolve("drop"), dump("next", "DSJ0000215", List.of(FileSpec.video(name("DSJ0000215", "093000", 1), clip(1)))));
            try (FootageProcess ingest = FootageProcess.start(home, logs.resolve("next.log"), List.of("ingest"))) {
                assertThat(ingest.awaitExit(LONG)).as(ingest::tail).isZero();
                assertThat(ingest.lines()).anyMatch(l -> l.startsWith("footage: ingest handed to the serve running on this home (pid " + serve.pid() + ")"));
            }
        }
    }

    @Test
    void whatTakesTheSocketsPlaceIsLeftAsItIs() throws IOException {
        // given a file where the socket goes, and on another home a socket another process listens on
        FootageProperties properties = new FootageProperties(home, null, null, null, null, null, null, null, null, null, null);
        Path place = Files.createDirectories(home.resolve("run")).resolve("serve.sock");
        Files.writeString(place, "not a socket");
        IngestHandOff handOff = new IngestHandOff(properties, null, null, null);
        Path other = Files.createTempDirectory("hand-off");
        Path otherPlace = Files.createDirectories(other.resolve("run")).resolve("serve.sock");
        IngestHandOff second = new IngestHandOff(new FootageProperties(other, null, null, null, null, null, null, null,
                null, null, null), null, null, null);
        try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listening.bind(UnixDomainSocketAddress.of(otherPlace));

            // when serve opens its hand-off on each
            Path opened = handOff.open();
            Path openedOnOther = second.open();

            // then it listens on neither, and the file and the other's socket are as they were
            assertThat(opened).isNull();
            assertThat(openedOnOther).isNull();
            assertThat(Files.readString(place)).isEqualTo("not a socket");
            assertThat(otherPlace).exists();
        } finally {
            handOff.destroy();
            second.destroy();
            Files.deleteIfExists(otherPlace);
            Files.deleteIfExists(otherPlace.getParent());
            Files.deleteIfExists(other);
        }
    }

    @Test
    void aServeThatGoesAwayMidRunIsSaidSoInPlainWords() throws Exception {
        // given a serve on the home that takes the run, sends one line of progress and then goes away
        Path socket = Files.createDirectories(home.resolve("run")).resolve("serve.sock");
        Path drop = Files.createDirectories(home.resolve("drop"));
        try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listening.bind(UnixDomainSocketAddress.of(socket));
            Thread serve = new Thread(() -> {
                try (SocketChannel taken = listening.accept();
                     DataInputStream in = new DataInputStream(Channels.newInputStream(taken));
                     DataOutputStream out = new DataOutputStream(Channels.newOutputStream(taken))) {
                    in.readUTF();
                    in.readUTF();
                    in.readUTF();
                    HandOff.write(out, HandOff.TAKEN, "4242");
                    HandOff.write(out, HandOff.PROGRESS, "ingest: 1 of 3 files");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            serve.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            // when the command hands its ingest to it
            OptionalInt exit = IngestHandOffClient.run(home, drop, new PrintStream(out, true, UTF_8),
                    new PrintStream(err, true, UTF_8));
            serve.join(10_000);

            // then the command fails and says why in words, not "(null)"
            assertThat(exit).hasValue(1);
            assertThat(err.toString(UTF_8)).contains("ingest: 1 of 3 files")
                    .contains("serve went away before the ingest ended (it closed the connection)")
                    .doesNotContain("null");
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}
