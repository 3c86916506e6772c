package footage.jobs.export;

import footage.jobs.UsageException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportTimesTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aRealDayAsToIsTheWholeDay() {
        assertThat(ExportCommand.time("to", "2024-02-29", SHANGHAI, true))
                .isEqualTo(OffsetDateTime.parse("2024-03-01T00:00:00+08:00"));
    }

    @Test
    void anImpossibleDayIsAUsageErrorNever29February() {
        assertThatThrownBy(() -> ExportCommand.time("to", "2024-02-30", SHANGHAI, true)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--to: '2024-02-30' is not a real date or time: Invalid date 'FEBRUARY 30'");
    }
}
