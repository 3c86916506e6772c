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
}
