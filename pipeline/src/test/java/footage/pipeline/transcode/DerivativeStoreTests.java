package footage.pipeline.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import footage.pipeline.archive.DurableFiles;
import footage.pipeline.sample.SampleDumpGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivativeStoreTests {

    @TempDir
    Path dir;

    private Path original;
    private String originalSha;
    private DerivativeStore store;
    private final Profile proxy = TranscoderTests.profile("proxy-360p");

    @BeforeEach
    void setUp() throws IOException {
        original = dir.resolve("archive/original.mp4");
        new SampleDumpGenerator().writeVideo(original, TranscoderTests.recording(1));
        originalSha = DurableFiles.sha256(original);
        store = new DerivativeStore(dir.resolve("proxies"), new Transcoder());
    }

    @Test
    void writesTheDerivativeDurablyUnderItsOriginalsHashAndReportsItsOwn() throws IOException {
        // given
        List<String> steps = new ArrayList<>();
        DerivativeStore.Listener listener = new DerivativeStore.Listener() {
            @Override
            public void written(Path temp) {
                steps.add("written " + DurableFiles.isTemp(temp) + " " + temp.getParent().equals(
                        dir.resolve("proxies").resolve(proxy.relativePath(originalSha)).getParent()));
            }

            @Override
            public void renamed(Path target) {
                steps.add("renamed " + target.getFileName());
            }
        };

        // when
        StoredDerivative made = store.make(original, originalSha, proxy, listener);

        // then the temporary file was in the destination folder, renamed once complete, and nothing is left over
        Path file = dir.resolve("proxies").resolve(made.relativePath());
        assertThat(made.relativePath()).isEqualTo(originalSha.substring(0, 2) + "/" + originalSha.substring(2, 4) + "/"
                + originalSha + ".360p.mp4");
        assertThat(steps).containsExactly("written true true", "renamed " + originalSha + ".360p.mp4");
        assertThat(made.sha256()).isEqualTo(DurableFiles.sha256(file));
        assertThat(made.size()).isEqualTo(Files.size(file));
        assertThat(made.result().method()).isEqualTo(TranscodeMethod.ENCODE);
        assertThat(temps()).isEmpty();
        assertThat(DurableFiles.sha256(original)).isEqualTo(originalSha);
    }

    @Test
    void replacesAnUncataloguedLeftoverAndRemovesStaleTemps() throws IOException {
        // given what a killed run leaves: a complete derivative never catalogued, and a half-written temp
        Path target = dir.resolve("proxies").resolve(proxy.relativePath(originalSha));
        Files.createDirectories(target.getParent());
        Files.writeString(target, "left by a killed run");
        Files.writeString(DurableFiles.tempBeside(target), "half");
        List<Path> replaced = new ArrayList<>();

        // when
        int removed = store.removeStaleTemps();
        StoredDerivative made = store.make(original, originalSha, proxy, new DerivativeStore.Listener() {
            @Override
            public void replacing(Path leftover) {
                replaced.add(leftover);
            }
        });

        // then
        assertThat(removed).isEqualTo(1);
        assertThat(replaced).containsExactly(target);
        assertThat(DurableFiles.sha256(target)).isEqualTo(made.sha256());
        assertThat(temps()).isEmpty();
    }

    @Test
    void aCancelledOrFailedTranscodeLeavesNothing() throws IOException {
        // given
        DerivativeStore.Listener cancelling = new DerivativeStore.Listener() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        Path notMedia = Files.writeString(dir.resolve("notes.txt"), "not a recording");

        // when / then
        assertThatThrownBy(() -> store.make(original, originalSha, proxy, cancelling))
                .isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> store.make(notMedia, "ff".repeat(32), proxy, null))
                .isInstanceOf(SourceUnusableException.class);
        assertThat(files()).isEmpty();
    }

    private List<Path> temps() throws IOException {
        return files().stream().filter(DurableFiles::isTemp).toList();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir.resolve("proxies"))) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
