package footage.jobs.cli;

import footage.jobs.FootageProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded catalog right after its owner was killed: the next process takes the file over, and one that comes while
 * another is doing so (serve restarted by its service manager while an operator runs a command) waits for it instead
 * of failing with H2's "Lock file recently modified". Real processes on a real home.
 */
class CatalogTakeOverTests {

    @TempDir
    Path home;

    @Test
    void aCommandWaitsWhileAnotherProcessTakesTheCatalogOverFromAKilledServe() throws Exception {
        // given serve killed with SIGKILL, which leaves its lock file behind
        Path logs = FootageProcess.logs(getClass(), "take-over");
        try (FootageProcess serve = FootageProcess.serve(home, logs.resolve("serve.log"), null,
                "--footage.schedule.ingest.enabled=false")) {
            serve.awaitServing(Duration.ofSeconds(120));
            serve.kill();
        }
        Path lock = home.resolve("db").resolve("footage.lock.db");
        assertThat(lock).exists();

        // and the lock file kept fresh for 12 s, as while another process takes the file over
        AtomicBoolean touching = new AtomicBoolean(true);
        Thread other = new Thread(() -> {
            long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            while (System.nanoTime() < end) {
                try {
                    Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                    Thread.sleep(100);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    return;
                }
            }
            touching.set(false);
        });
        other.start();

        // when a command starts meanwhile
        try (FootageProcess command = FootageProcess.command(home, logs.resolve("jobs-list.log"), null, List.of("jobs", "list"))) {
            int exit = command.awaitExit(Duration.ofSeconds(120));
            other.join();

            // then it waited, took the catalog over and listed the runs
            assertThat(touching).isFalse();
            assertThat(command.output()).doesNotContain("Lock file").contains("JOB");
            assertThat(exit).as(command.tail()).isZero();
        }
    }
}
