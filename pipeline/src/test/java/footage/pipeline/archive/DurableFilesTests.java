package footage.pipeline.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurableFilesTests {

    private static final int BLOCK = PipelinedCopy.BLOCK;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1_000_003, 2 * BLOCK - 1, 2 * BLOCK, 2 * BLOCK + 1, 5 * BLOCK + 12_345, 19 * BLOCK})
    void theCopyIsByteForByteTheSourceAndBothDigestsAreOfItsBytes(int size) throws Exception {
        // given sizes on both sides of the pipelined path and of its block edges
        byte[] content = bytes(size, size);
        Path source = Files.write(dir.resolve("src.mp4"), content);
        Path temp = dir.resolve("copy");

        // when
        CopyResult result = DurableFiles.copyAndSync(source, temp, true, CopyListener.NONE);

        // then
        assertThat(Files.readAllBytes(temp)).isEqualTo(content);
        assertThat(result.size()).isEqualTo(size);
        assertThat(result.sha256()).isEqualTo(reference("SHA-256", content));
        assertThat(result.md5()).isEqualTo(reference("MD5", content));
        assertThat(DurableFiles.sha256(temp)).isEqualTo(result.sha256());
    }

    @Test
    void withoutMd5OnlySha256IsComputed() throws Exception {
        // given
        byte[] content = bytes(3 * BLOCK + 7, 3);
        Path source = Files.write(dir.resolve("src.mp4"), content);

        // when
        CopyResult result = DurableFiles.copyAndSync(source, dir.resolve("copy"), false, CopyListener.NONE);

        // then
        assertThat(result.md5()).isNull();
        assertThat(result.sha256()).isEqualTo(reference("SHA-256", content));
    }

    @Test
    void progressIsReportedInOrderUpToTheWholeFile() throws Exception {
        // given
        int size = 6 * BLOCK + 99;
        Path source = Files.write(dir.resolve("src.mp4"), bytes(size, 4));
        List<Long> seen = new ArrayList<>();

        // when
        DurableFiles.copyAndSync(source, dir.resolve("copy"), false, new CopyListener() {
            @Override
            public void copying(Path temp, long bytesCopied, long totalBytes) {
                assertThat(totalBytes).isEqualTo(size);
                seen.add(bytesCopied);
            }
        });

        // then
        assertThat(seen).isSorted().doesNotHaveDuplicates().endsWith((long) size);
        assertThat(seen.size()).isGreaterThan(1);
    }

    @Test
    void aFailureMidCopyStopsTheCopyAndLeavesTheHelperThreadsIdle() throws Exception {
        // given a listener that fails half-way, as a crash point would
        Path source = Files.write(dir.resolve("src.mp4"), bytes(8 * BLOCK, 5));
        Path temp = dir.resolve("copy");
        CopyListener failing = new CopyListener() {
            @Override
            public void copying(Path t, long bytesCopied, long totalBytes) {
                if (bytesCopied > 3L * BLOCK) {
                    throw new IllegalStateException("stop here");
                }
            }
        };

        // when / then
        assertThatThrownBy(() -> DurableFiles.copyAndSync(source, temp, true, failing))
                .hasMessage("stop here");
        assertThat(Files.size(temp)).isLessThan(8L * BLOCK);
        // the same copy afterwards works: nothing was left blocked
        Files.delete(temp);
        CopyResult again = DurableFiles.copyAndSync(source, temp, false, CopyListener.NONE);
        assertThat(again.size()).isEqualTo(8L * BLOCK);
    }

    @Test
    void theTemporaryFileMustBeNew() throws Exception {
        // given
        Path source = Files.write(dir.resolve("src.mp4"), bytes(3 * BLOCK, 6));
        Path temp = Files.write(dir.resolve("copy"), new byte[]{1});

        // when / then: an existing file is never overwritten
        assertThatThrownBy(() -> DurableFiles.copyAndSync(source, temp, false, CopyListener.NONE))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(temp)).containsExactly(1);
    }

    @Test
    void publishNeverReplacesAnExistingTarget() throws Exception {
        // given
        Path temp = Files.write(dir.resolve(DurableFiles.TEMP_PREFIX + "x"), new byte[]{2});
        Path target = Files.write(dir.resolve("target"), new byte[]{1});

        // when / then
        assertThatThrownBy(() -> DurableFiles.publish(temp, target)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(target)).containsExactly(1);
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String reference(String algorithm, byte[] content) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
