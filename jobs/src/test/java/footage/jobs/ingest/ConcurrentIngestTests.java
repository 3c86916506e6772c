package footage.jobs.ingest;

import footage.jobs.FootageProcess;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static footage.jobs.ingest.Drops.clip;
import static footage.jobs.ingest.Drops.dump;
import static footage.jobs.ingest.Drops.name;
import static org.assertj.core.api.Assertions.assertThat;

/** A second ingest on a home whose embedded catalog another process holds is refused in one line, not a stack trace. */
class ConcurrentIngestTests {

    @TempDir
    Path home;

    @Test
    void aSecondIngestWhileOneRunsIsRefusedInOneLine() {
        // given an ingest that is running (paused after its first file)
        Drops.write(home.resolve("drop"), dump("busy", "DSJ0000170", List.of(
                FileSpec.video(name("DSJ0000170", "093000", 1), clip(1)), FileSpec.video(name("DSJ0000170", "093100", 2), clip(1)))));
        Path logs = FootageProcess.logs(getClass(), "second-ingest");
        try (FootageProcess first = FootageProcess.start(home, logs.resolve("first.log"), List.of("ingest",
                "--footage.ingest.quiet-period=0s", "--footage.debug.pause-at=after-commit:1"))) {
            assertThat(first.awaitPause(Duration.ofSeconds(120))).isEqualTo("PAUSED after-commit");

            // when a second ingest starts on the same home
            try (FootageProcess second = FootageProcess.start(home, logs.resolve("second.log"), List.of("ingest",
                    "--footage.ingest.quiet-period=0s"))) {
                int exit = second.awaitExit(Duration.ofSeconds(120));

                // then it opens the catalog (the first process serves it, H2 AUTO_SERVER), is refused by the running
                // ingest's claim, says why in one line and exits 1; the first goes on to the end
                assertThat(exit).isEqualTo(1);
                assertThat(second.lines()).filteredOn(l -> l.startsWith("footage:")).singleElement().asString()
                        .containsPattern("another ingestJob is running \\(execution \\d+, since ");
                assertThat(second.lines()).noneMatch(l -> l.startsWith("\tat "));
            }
            first.resume();
            assertThat(first.awaitExit(Duration.ofSeconds(120))).as(first::tail).isZero();
        }
    }
}
