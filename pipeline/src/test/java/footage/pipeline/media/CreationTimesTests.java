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
            "2023-02-29 10:00:00           | 2023-02-29 10:00:00",
            "2024-02-30T10:00:00Z          | 2024-02-30T10:00:00Z",
            "''                            | null",
    })
    void normalisesToUtcInstants(String raw, String expected) {
        // when
        String normalised = CreationTimes.normalise(raw);

        // then
        assertThat(normalised).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "2024-02-29T10:00:00Z          | null",
            "2023-02-29 10:00:00           | container creation_time 2023-02-29 10:00:00 is not a real date-time (Invalid date 'February 29' as '2023' is not a leap year)",
            "2024-04-31T10:00:00+08:00     | container creation_time 2024-04-31T10:00:00+08:00 is not a real date-time (Invalid date 'APRIL 31')",
            "2024-04-30 24:60:00           | container creation_time 2024-04-30 24:60:00 is not a real date-time (Invalid value for MinuteOfHour (valid values 0 - 59): 60)",
            "not a date                    | container creation_time not a date is not a date-time",
            "''                            | null",
    })
    void anImpossibleCreationTimeStaysAsFoundWithItsReason(String raw, String problem) {
        // when
        String normalised = CreationTimes.normalise(raw);

        // then
        assertThat(CreationTimes.problem(normalised)).isEqualTo(problem);
    }
}
