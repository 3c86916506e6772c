package footage.pipeline.dump;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestParserTests {

    @TempDir
    Path dir;

    private Path manifest(String dockedAt, String deviceClockAtDock) throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, "{\"schema\": \"footage-dump/1\", \"deviceId\": \"DSJ0001234\", \"dockedAt\": \"" + dockedAt
                + "\", \"deviceClockAtDock\": \"" + deviceClockAtDock + "\", \"files\": []}", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void realDockTimesAreRead() throws Exception {
        // when
        DumpManifest m = new ManifestParser().parse(manifest("2024-02-29T18:05:12+08:00", "2024-02-29T18:06:47+08:00"));

        // then
        assertThat(m.dockedAt()).isEqualTo(OffsetDateTime.parse("2024-02-29T18:05:12+08:00"));
        assertThat(m.deviceClockAtDock()).isEqualTo(OffsetDateTime.parse("2024-02-29T18:06:47+08:00"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "2024-02-30T18:05:12+08:00 | 2024-02-29T18:05:12+08:00 | invalid manifest.json: dockedAt: '2024-02-30T18:05:12+08:00' is not a real date-time: Invalid date 'FEBRUARY 30'",
            "2023-02-29T18:05:12+08:00 | 2023-03-01T18:05:12+08:00 | invalid manifest.json: dockedAt: '2023-02-29T18:05:12+08:00' is not a real date-time: Invalid date 'February 29' as '2023' is not a leap year",
            "2024-04-30T18:05:12+08:00 | 2024-04-31T18:05:12+08:00 | invalid manifest.json: deviceClockAtDock: '2024-04-31T18:05:12+08:00' is not a real date-time: Invalid date 'APRIL 31'",
            "2024-04-30T24:60:00+08:00 | 2024-04-30T18:05:12+08:00 | invalid manifest.json: dockedAt: '2024-04-30T24:60:00+08:00' is not a real date-time: Invalid value for MinuteOfHour (valid values 0 - 59): 60",
            "2024-04-30 18:05          | 2024-04-30T18:05:12+08:00 | invalid manifest.json: dockedAt: '2024-04-30 18:05' is not an ISO-8601 date-time with offset",
    })
    void anImpossibleDockTimeIsAMalformedManifestNamingTheValue(String dockedAt, String clock, String message) throws IOException {
        // given
        Path file = manifest(dockedAt, clock);

        // then the dump is quarantined with this message, the date never moved to a real one nearby
        assertThatThrownBy(() -> new ManifestParser().parse(file)).isInstanceOf(ManifestException.class).hasMessage(message);
    }

    private Path raw(String json) throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static final String GOOD = "{\"schema\": \"footage-dump/1\", \"deviceId\": \"DSJ0001234\", "
            + "\"dockedAt\": \"2019-02-17T18:05:12+08:00\", \"files\": []}";

    @Test
    void aKeyGivenTwiceIsAnError() throws IOException {
        // given a second deviceId that would otherwise silently win
        Path file = raw(GOOD.replace("\"files\"", "\"deviceId\": \"DSJ9999999\", \"files\""));

        // then
        assertThatThrownBy(() -> new ManifestParser().parse(file)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("malformed manifest.json: Duplicate Object property \"deviceId\"");
    }

    @Test
    void aKeyGivenTwiceInAFilesEntryIsAnError() throws IOException {
        // given
        Path file = raw(GOOD.replace("[]", "[{\"path\": \"a.mp4\", \"size\": 1, \"size\": 2}]"));

        // then
        assertThatThrownBy(() -> new ManifestParser().parse(file)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("malformed manifest.json: Duplicate Object property \"size\"");
    }

    @Test
    void dataAfterTheJsonIsAnError() throws IOException {
        // given a second object after the manifest
        Path file = raw(GOOD + "\n{\"deviceId\": \"DSJ9999999\"}\n");

        // then
        assertThatThrownBy(() -> new ManifestParser().parse(file)).isInstanceOf(ManifestException.class)
                .hasMessage("invalid manifest.json: data after the end of the top-level object (START_OBJECT) at line 2, column 2");
    }

    @Test
    void trailingWhitespaceIsFine() throws Exception {
        assertThat(new ManifestParser().parse(raw(GOOD + "\n\n  ")).deviceId()).isEqualTo("DSJ0001234");
    }

    @Test
    void aSymlinkedManifestIsNotReadThrough() throws IOException {
        // given
        Path target = raw(GOOD);
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("d")).resolve("manifest.json"), target);

        // then
        assertThatThrownBy(() -> new ManifestParser().parse(link)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("unreadable manifest.json: ");
    }

    @Test
    void aFiftyMegabyteManifestIsReadAndItsDigestIsOfItsBytes() throws Exception {
        // given 50 MB of valid JSON: 100,000 entries and a 46 MB unknown field
        Path file = dir.resolve("manifest.json");
        try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write("{\"schema\": \"footage-dump/1\", \"deviceId\": \"DSJ0001234\", \"dockedAt\": \"2019-02-17T18:05:12+08:00\", ");
            out.write("\"stationNotes\": \"");
            for (int i = 0; i < 46 * 1024; i++) {
                out.write("x".repeat(1024));
            }
            out.write("\", \"files\": [");
            for (int i = 0; i < 100_000; i++) {
                out.write((i == 0 ? "" : ", ") + "{\"path\": \"DSJ0001234_100234_20190217_093000_" + i + ".mp4\", \"size\": " + i + "}");
            }
            out.write("]}");
        }
        assertThat(Files.size(file)).isGreaterThan(50_000_000L);

        // when
        ManifestParser.Read read = new ManifestParser().read(file);

        // then
        assertThat(read.manifest().files()).hasSize(100_000);
        assertThat(read.sha256()).isEqualTo(footage.pipeline.archive.DurableFiles.sha256(file));
    }

    @Test
    void aNulCharacterInAValueIsAnError() throws IOException {
        // given an officerName and a path holding U+0000 (which PostgreSQL cannot store, so the dump would fail every run)
        Path name = raw(GOOD.replace("\"files\"", "\"officerName\": \"Ann\\u0000a\", \"files\""));

        // then
        assertThatThrownBy(() -> new ManifestParser().parse(name)).isInstanceOf(ManifestException.class)
                .hasMessage("invalid manifest.json: officerName holds a NUL character (\\u0000) at position 3");
        Path path = raw(GOOD.replace("[]", "[{\"path\": \"a\\u0000.mp4\", \"size\": 1}]"));
        assertThatThrownBy(() -> new ManifestParser().parse(path)).isInstanceOf(ManifestException.class)
                .hasMessage("invalid manifest.json: files[].path holds a NUL character (\\u0000) at position 1");
    }
}
