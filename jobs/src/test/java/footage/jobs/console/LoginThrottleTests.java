package footage.jobs.console;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(10), clock);

    @Test
    void aUserNameIsLockedAfterTheFailuresInARowUntilTheLockoutHasPassed() {
        // given two failures
        throttle.failed("Lena", "10.0.0.1");
        throttle.failed("lena", "10.0.0.2");
        assertThat(throttle.lockedFor("lena", "10.0.0.3")).isEmpty();

        // when a third one fails, from anywhere, under any case of the name
        int n = throttle.failed("LENA", "10.0.0.3");

        // then the name is locked for the lockout, from every address, and free again afterwards
        assertThat(n).isEqualTo(3);
        assertThat(throttle.lockedFor("lena", "10.9.9.9")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(9));
        assertThat(throttle.lockedFor("lena", "10.9.9.9")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("lena", "10.9.9.9")).isEmpty();
    }

    @Test
    void aSuccessClearsTheNamesFailuresButNotTheAddresss() {
        // given failures of several names from one address
        for (int i = 0; i < 11; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        throttle.failed("lena", "10.0.0.1");

        // when lena logs in
        throttle.succeeded("lena");

        // then her name is free, but the address, at four times the limit, is locked for everyone
        assertThat(throttle.lockedFor("lena", "10.0.0.2")).isEmpty();
        assertThat(throttle.lockedFor("lena", "10.0.0.1")).isPresent();
        assertThat(throttle.lockedFor("someone", "10.0.0.1")).isPresent();
    }

    @Test
    void failuresFurtherApartThanTheLockoutDoNotAddUp() {
        // given two failures long ago
        throttle.failed("lena", "10.0.0.1");
        throttle.failed("lena", "10.0.0.1");
        clock.advance(Duration.ofMinutes(11));

        // when another fails
        int n = throttle.failed("lena", "10.0.0.1");

        // then counting started over
        assertThat(n).isEqualTo(1);
        assertThat(throttle.lockedFor("lena", "10.0.0.1")).isEmpty();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
