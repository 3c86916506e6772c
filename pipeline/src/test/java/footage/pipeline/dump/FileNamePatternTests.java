package footage.pipeline.dump;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamePatternTests {

    private final FileNamePattern names = new FileNamePattern(FileNamePattern.DEFAULT);

    @Test
    void aRealDateAndTimeIsTheDeviceStart() {
        // when
        FileNameFacts facts = names.parse("sub/DSJ0001234_100234_20240229_235959_0007_IMP.mp4").orElseThrow();

        // then
        assertThat(facts.deviceStart()).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        assertThat(facts.timeProblem()).isNull();
        assertThat(facts.important()).isTrue();
    }

    @ParameterizedTest(name = "{0}_{1}")
    @CsvSource(delimiter = '|', value = {
            "20240230 | 090000 | file name date 20240230 is not a real date (Invalid date 'FEBRUARY 30')",
            "20230229 | 090000 | file name date 20230229 is not a real date (Invalid date 'February 29' as '2023' is not a leap year)",
            "20240431 | 090000 | file name date 20240431 is not a real date (Invalid date 'APRIL 31')",
            "20241301 | 090000 | file name date 20241301 is not a real date (Invalid value for MonthOfYear (valid values 1 - 12): 13)",
            "20240229 | 246000 | file name time 246000 is not a real time (Invalid value for MinuteOfHour (valid values 0 - 59): 60)",
            "20240229 | 240000 | file name time 240000 is not a real time (Invalid value for HourOfDay (valid values 0 - 23): 24)",
            "20240229 | 096000 | file name time 096000 is not a real time (Invalid value for MinuteOfHour (valid values 0 - 59): 60)",
    })
    void anImpossibleDateOrTimeIsUnreadableNotCorrectedAndTheOtherFactsStay(String date, String time, String problem) {
        // when
        FileNameFacts facts = names.parse("DSJ0001234_100234_" + date + "_" + time + "_0002_IMP.mp4").orElseThrow();

        // then
        assertThat(facts.deviceStart()).isNull();
        assertThat(facts.timeProblem()).isEqualTo(problem);
        assertThat(facts.deviceId()).isEqualTo("DSJ0001234");
        assertThat(facts.officerId()).isEqualTo("100234");
        assertThat(facts.sequence()).isEqualTo("0002");
        assertThat(facts.important()).isTrue();
    }

    @Test
    void aDateGroupOfAnotherShapeIsUnreadableToo() {
        // given a site pattern whose date group accepts more than eight digits
        FileNamePattern loose = new FileNamePattern(
                "(?<device>[A-Z0-9]+)-(?<officer>\\d+)-(?<date>[\\d-]+)-(?<time>\\d{6})-(?<seq>\\d+)\\.mp4");

        // when
        FileNameFacts facts = loose.parse("DSJ1-100234-2024-02-28-090000-1.mp4").orElseThrow();

        // then
        assertThat(facts.deviceStart()).isNull();
        assertThat(facts.timeProblem()).isEqualTo("file name date 2024-02-28 is not a date in the form yyyyMMdd");
    }

    @Test
    void aNameOutsideThePatternGivesNoFacts() {
        assertThat(names.parse("clip.mp4")).isEmpty();
    }
}
