package footage.jobs.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.Period;

/**
 * {@code footage.retention.*}.
 *
 * @param standard how long a STANDARD recording is kept after its recording date ({@code P2Y}, {@code 3y},
 *                 {@code P30M}); Art. 15 sets the minimum at 2 years, so anything shorter stops start-up
 */
@ConfigurationProperties("footage.retention")
record RetentionProperties(@DefaultValue("P2Y") Period standard) {

    static final Period LEGAL_MINIMUM = Period.ofYears(2);

    RetentionProperties {
        if (!atLeastLegalMinimum(standard)) {
            throw new IllegalArgumentException("footage.retention.standard is " + standard + ", shorter than the law "
                    + "allows: Art. 15 of the audio-video recording equipment rules requires keeping footage at least 2 "
                    + "years (P2Y); set footage.retention.standard to P2Y or longer");
        }
    }

    /**
     * A period such as {@code P23M31D} is 2 years on some dates and not on others: it must reach 2 years from every
     * date. Four years of start dates cover every leap-day and month-end case.
     */
    static boolean atLeastLegalMinimum(Period period) {
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 4 * 366; i++, day = day.plusDays(1)) {
            if (day.plus(period).isBefore(day.plus(LEGAL_MINIMUM))) {
                return false;
            }
        }
        return true;
    }
}
