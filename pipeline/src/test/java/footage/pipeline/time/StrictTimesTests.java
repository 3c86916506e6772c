package footage.pipeline.time;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictTimesTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readsOffsetLocalAndDateForms() {
        assertThat(StrictTimes.dateTime("2024-02-29T09:30:00+08:00", SHANGHAI, false))
                .isEqualTo(OffsetDateTime.parse("2024-02-29T09:30:00+08:00"));
        assertThat(StrictTimes.dateTime("2024-02-29 09:30", SHANGHAI, false))
                .isEqualTo(OffsetDateTime.parse("2024-02-29T09:30:00+08:00"));
        assertThat(StrictTimes.dateTime("2024-02-29", SHANGHAI, true))
                .isEqualTo(OffsetDateTime.parse("2024-03-01T00:00:00+08:00"));
    }

    @Test
    void anImpossibleDateOrTimeIsRefusedWithTheParsersReason() {
        assertThatThrownBy(() -> StrictTimes.dateTime("2024-02-30", SHANGHAI, false)).isInstanceOf(DateTimeException.class)
                .hasMessage("'2024-02-30' is not a real date or time: Invalid date 'FEBRUARY 30'");
        assertThatThrownBy(() -> StrictTimes.dateTime("2023-02-29T10:00:00+08:00", SHANGHAI, false))
                .hasMessage("'2023-02-29T10:00:00+08:00' is not a real date or time: Invalid date 'February 29' as '2023' is not a leap year");
        assertThatThrownBy(() -> StrictTimes.dateTime("2024-04-30 24:00", SHANGHAI, false))
                .hasMessage("'2024-04-30 24:00' is not a real date or time: Invalid value for HourOfDay (valid values 0 - 23): 24");
        assertThatThrownBy(() -> StrictTimes.dateTime("yesterday", SHANGHAI, false)).hasMessage("'yesterday' is not a date-time");
        assertThatThrownBy(() -> StrictTimes.offsetDateTime("2024-02-30T10:00:00+08:00"))
                .hasMessage("'2024-02-30T10:00:00+08:00' is not a real date-time: Invalid date 'FEBRUARY 30'");
    }

    @Test
    void aLocalTimeTheZoneSkippedDoesNotExist() {
        assertThatThrownBy(() -> StrictTimes.dateTime("2024-03-10T02:30", ZoneId.of("America/New_York"), false))
                .hasMessage("'2024-03-10T02:30' does not exist in America/New_York (the clocks skipped it)");
    }

    @Test
    void yearOfEraPatternsAreRefused() {
        // given 'yyyy' strictly resolved: without an era no date comes out at all
        assertThatThrownBy(() -> StrictTimes.pattern("yyyyMMdd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use 'uuuu'");
        assertThat(StrictTimes.pattern("uuuuMMdd").parse("20240229")).isNotNull();
    }
}
