package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreationTimesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "2019-02-17T09:30:00.000000Z   | 2019-02-17T09:30:00Z",
            "2019-02-17T09:30:00.250000Z   | 2019-02-17T09:30:00.250Z",
            "2019-02-17 09:30:00           | 2019-02-17T09:30:00Z",
            "2019-02-17T17:30:00+08:00     | 2019-02-17T09:30:00Z",
            "' 2019-02-17T09:30:00Z '      | 2019-02-17T09:30:00Z",
            "not a date                    | not a date",
            "''                            | null",
    })
    void normalisesToUtcInstants(String raw, String expected) {
        // when
        String normalised = CreationTimes.normalise(raw);

        // then
        assertThat(normalised).isEqualTo(expected);
    }
}
