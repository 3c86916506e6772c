package footage.pipeline.dump;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DumpInspectorTests {

    @TempDir
    Path drop;

    private DumpInspector inspector() {
        return new DumpInspector(drop, Duration.ZERO, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5)));
    }

    private static void manifest(Path dir, String filesJson) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\"schema\": \"footage-dump/1\", \"deviceId\": \"DSJ0001234\", "
                + "\"dockedAt\": \"2019-02-17T18:05:12+08:00\", \"files\": [" + filesJson + "]}", StandardCharsets.UTF_8);
    }

    @Test
    void oneFileListedUnderTwoSpellingsIsOneFileAndADuplicateEntry() throws IOException {
        // given X.mp4 listed as X.mp4 and ./X.mp4, and a/b/c.mp4 as a//b/./c.mp4
        Path dir = Files.createDirectories(drop.resolve("d1"));
        Files.write(dir.resolve("X.mp4"), new byte[10]);
        Files.createDirectories(dir.resolve("a/b"));
        Files.write(dir.resolve("a/b/c.mp4"), new byte[7]);
        manifest(dir, "{\"path\": \"X.mp4\", \"size\": 10}, {\"path\": \"./X.mp4\", \"size\": 10}, "
                + "{\"path\": \"a//b/./c.mp4\", \"size\": 7}");

        // when
        DumpInspection inspection = inspector().inspect(dir);

        // then each file once, complete, and the second spelling a finding naming both
        assertThat(inspection.state()).isEqualTo(DumpInspection.State.READY);
        assertThat(inspection.reason()).isEqualTo("manifest complete");
        assertThat(inspection.files()).extracting(DumpFile::path, DumpFile::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple("X.mp4", DumpFile.Problem.NONE),
                org.assertj.core.groups.Tuple.tuple("a/b/c.mp4", DumpFile.Problem.NONE));
        assertThat(inspection.notes()).containsExactly(new DumpNote(footage.pipeline.continuity.FindingKind.DUPLICATE_ENTRY, "X.mp4",
                "the manifest lists this file twice: as 'X.mp4' (10 bytes) and as './X.mp4' (10 bytes); taken in once, "
                        + "checked against the first entry"));
    }

    @Test
    void aSymlinkedManifestIsAMalformedManifestNotAManifestLessDump() throws IOException {
        // given a manifest.json that links to a good manifest elsewhere
        Path elsewhere = Files.createDirectories(drop.resolve(".other"));
        manifest(elsewhere, "");
        Path dir = Files.createDirectories(drop.resolve("d2"));
        Files.write(dir.resolve("X.mp4"), new byte[10]);
        Files.createSymbolicLink(dir.resolve("manifest.json"), elsewhere.resolve("manifest.json"));

        // when
        DumpInspection inspection = inspector().inspect(dir);

        // then
        assertThat(inspection.state()).isEqualTo(DumpInspection.State.MALFORMED);
        assertThat(inspection.reason()).isEqualTo("manifest.json is a symbolic link (to " + elsewhere.resolve("manifest.json")
                + "), not a file: links are not followed");
    }

    @Test
    void aNameThatIsNotUtf8IsShownEscapedAndReopenedByItsBytes() throws Exception {
        // given a file whose name has the bytes FF FE (made by a shell: Java cannot create it by name)
        Path dir = Files.createDirectories(drop.resolve("d3"));
        Process p = new ProcessBuilder("bash", "-c", "printf 'evidence' > $'clip_\\xff\\xfe.mp4'").directory(dir.toFile()).start();
        assertThat(p.waitFor()).isZero();

        // when
        DumpInspection inspection = inspector().inspect(dir);

        // then the catalogued name shows the bytes, and the bytes kept open the very file
        assertThat(inspection.files()).hasSize(1);
        DumpFile f = inspection.files().get(0);
        assertThat(f.path()).isEqualTo("clip_\\xFF\\xFE.mp4");
        assertThat(f.rawPath()).isEqualTo("636c69705ffffe2e6d7034");
        Path reopened = RawNames.resolve(dir, f.path(), f.rawPath());
        assertThat(DigestUtils.sha256Hex(Files.readAllBytes(reopened))).isEqualTo(DigestUtils.sha256Hex("evidence"));
        assertThat(Files.exists(dir.resolve(f.path()))).isFalse();
        assertThat(DumpInspector.entries(dir)).containsExactly("clip_\\xFF\\xFE.mp4");
    }

    @Test
    void anOverLongListedPathIsKeptCutWithAFinding() throws IOException {
        // given
        Path dir = Files.createDirectories(drop.resolve("d4"));
        String longPath = "p".repeat(2500) + ".mp4";
        manifest(dir, "{\"path\": \"" + longPath + "\", \"size\": 1}");

        // when
        DumpInspection inspection = inspector().inspect(dir);

        // then
        assertThat(inspection.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).hasSizeLessThanOrEqualTo(DumpFile.MAX_PATH);
            assertThat(f.problem()).isEqualTo(DumpFile.Problem.MISSING);
        });
        assertThat(inspection.notes()).extracting(DumpNote::kind, DumpNote::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(footage.pipeline.continuity.FindingKind.MANIFEST_VALUE_TOO_LONG, "files[0].path is 2504 characters, the "
                        + "catalog keeps 2000: kept cut; SHA-256 of the full value " + DigestUtils.sha256Hex(longPath)));
    }

    @Test
    void normalisingDropsEmptyAndDotSegments() {
        assertThat(List.of("./a//b/./c.mp4", "a\\b\\c.mp4", "a/b/c.mp4/", "././a/b/c.mp4"))
                .allSatisfy(p -> assertThat(DumpInspector.normalise(p)).isEqualTo("a/b/c.mp4"));
    }
}
