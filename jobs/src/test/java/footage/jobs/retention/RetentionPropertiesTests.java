package footage.jobs.retention;

import footage.jobs.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPropertiesTests {

    @TempDir
    Path home;

    @Test
    void aStandardPeriodBelowTwoYearsFailsStartUpNamingTheRule() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        // when
        int code = cli.run(new String[] {"--home", home.toString(), "--footage.retention.standard=P1Y", "catalog", "list"});

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("footage: bad configuration: footage.retention.standard is P1Y")
                .contains("Art. 15").contains("at least 2 years");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void twoYearsIsTheMinimumFromEveryDateLeapDaysAndMonthEndsIncluded() {
        // when / then
        assertThat(new RetentionProperties(Period.ofYears(2)).standard()).isEqualTo(Period.ofYears(2));
        assertThat(RetentionProperties.atLeastLegalMinimum(Period.parse("P24M"))).isTrue();
        assertThat(RetentionProperties.atLeastLegalMinimum(Period.parse("P1Y12M"))).isTrue();
        assertThat(RetentionProperties.atLeastLegalMinimum(Period.parse("P731D"))).isTrue();
        assertThat(RetentionProperties.atLeastLegalMinimum(Period.parse("P10Y"))).isTrue();
        assertThat(RetentionProperties.atLeastLegalMinimum(Period.parse("P730D"))).as("730 days miss a leap day").isFalse();
        assertThat(RetentionProperties.atLeastLegalMinimum(Period.parse("P23M30D"))).isFalse();
        assertThat(RetentionProperties.atLeastLegalMinimum(Period.parse("P2Y-1D"))).isFalse();
        assertThatThrownBy(() -> new RetentionProperties(Period.ofYears(1))).hasMessageContaining("Art. 15");
    }
}
