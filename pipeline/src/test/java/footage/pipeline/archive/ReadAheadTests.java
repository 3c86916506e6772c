package footage.pipeline.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReadAheadTests {

    @TempDir
    Path dump;

    @Test
    void readsARegisteredFileThroughAndLeavesItAsItWas() throws Exception {
        // given a 9 MiB file, more than two of the read-ahead's blocks
        Path file = write("a.mp4", 9 << 20);
        byte[] before = Files.readAllBytes(file);
        try (ReadAhead readAhead = new ReadAhead()) {
            // when
            readAhead.warm(dump, file, SourceFile.observe(file));

            // then
            assertThat(awaitBytes(readAhead, 9 << 20)).isEqualTo(9 << 20);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void neverReadsThroughALinkNorAFileThatIsNotTheRegisteredOne() throws Exception {
        // given a link to a file outside the dump, and a file that grew since it was registered
        Path outside = Files.createTempFile("outside", ".mp4");
        Files.write(outside, new byte[1 << 20]);
        Path link = Files.createSymbolicLink(dump.resolve("link.mp4"), outside);
        Path grown = write("grown.mp4", 1 << 20);
        SourceFile.Registered registered = SourceFile.observe(grown);
        Files.write(grown, new byte[10], java.nio.file.StandardOpenOption.APPEND);
        try (ReadAhead readAhead = new ReadAhead()) {
            // when
            readAhead.warm(dump, link, SourceFile.observe(outside));
            readAhead.warm(dump, grown, registered);
            Path marker = write("marker.mp4", 4096);
            readAhead.warm(dump, marker, SourceFile.observe(marker));

            // then only the marker, queued last, was read
            assertThat(awaitBytes(readAhead, 4096)).isEqualTo(4096);
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aClosedReadAheadTakesNoMoreWork() throws Exception {
        // given
        Path file = write("late.mp4", 1 << 20);
        ReadAhead readAhead = new ReadAhead();
        readAhead.close();

        // when
        readAhead.warm(dump, file, SourceFile.observe(file));

        // then
        Thread.sleep(200);
        assertThat(readAhead.bytesRead()).isZero();
    }

    private Path write(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dump.resolve(name), bytes);
    }

    /** Waits (up to 10 s) until at least {@code expected} bytes were read, a little longer for any surplus. */
    private static long awaitBytes(ReadAhead readAhead, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (readAhead.bytesRead() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        return readAhead.bytesRead();
    }
}
