package footage.jobs.console;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

    private final MovableClock clock = new MovableClock();
    // 3 free failures, then 1 s doubling up to 10 min; 12 failures from one address (any names) close it for the period
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(1), Duration.ofMinutes(10), 12, clock);

    @Test
    void failuresForANameFromOneAddressNeverKeepThatNameOutFromAnother() {
        // given a stranger failing ten times for admin from one address, under any case of the name
        for (int i = 0; i < 10; i++) {
            throttle.failed(i % 2 == 0 ? "admin" : "ADMIN", "10.0.0.66");
        }

        // then that address waits, and admin from her own desk does not
        assertThat(throttle.waitFor("admin", "10.0.0.66")).isPresent();
        assertThat(throttle.waitFor("admin", "10.0.0.5")).isEmpty();
    }

    @Test
    void theWaitGrowsWithEachFailureUpToTheLongest() {
        // given failures in a row of one name from one address
        for (int i = 1; i <= 2; i++) {
            throttle.failed("lena", "10.0.0.1");
        }
        assertThat(throttle.waitFor("lena", "10.0.0.1")).as("free failures").isEmpty();

        // when more fail, each right after its wait
        Duration[] waits = new Duration[4];
        for (int i = 0; i < 4; i++) {
            int n = throttle.failed("lena", "10.0.0.1");
            waits[i] = throttle.waitFor("lena", "10.0.0.1").orElseThrow();
            assertThat(n).isEqualTo(3 + i);
            clock.advance(waits[i]);
        }

        // then the waits double, and never exceed the longest
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(throttle.delayAfter(40)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anAddressSprayingManyNamesIsCappedForThePeriodButNotOthers() {
        // given twelve failures from one address, one for each of twelve names
        for (int i = 0; i < 12; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }

        // then every name from that address waits out the period, every other address is free
        assertThat(throttle.waitFor("someone", "10.0.0.9")).contains(Duration.ofMinutes(10));
        assertThat(throttle.waitFor("someone", "10.0.0.10")).isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.waitFor("someone", "10.0.0.9")).isEmpty();
        // and a new period counts afresh
        throttle.failed("user0", "10.0.0.9");
        assertThat(throttle.waitFor("someone", "10.0.0.9")).isEmpty();
    }

    @Test
    void aSuccessClearsTheNamesFailuresFromThatAddressOnly() {
        // given failures of lena from two addresses
        for (int i = 0; i < 4; i++) {
            throttle.failed("lena", "10.0.0.1");
            throttle.failed("lena", "10.0.0.2");
        }

        // when lena logs in from the first (after its wait)
        clock.advance(Duration.ofSeconds(2));
        throttle.succeeded("lena", "10.0.0.1");

        // then that address is free for her, the other still waits
        assertThat(throttle.waitFor("lena", "10.0.0.1")).isEmpty();
        clock.advance(Duration.ofMillis(-2000));
        assertThat(throttle.waitFor("lena", "10.0.0.2")).isPresent();
    }

    @Test
    void failuresAreForgottenTheLongestWaitAfterTheLastOne() {
        // given failures long ago
        for (int i = 0; i < 5; i++) {
            throttle.failed("lena", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(11));

        // when another fails
        int n = throttle.failed("lena", "10.0.0.1");

        // then counting started over
        assertThat(n).isEqualTo(1);
        assertThat(throttle.waitFor("lena", "10.0.0.1")).isEmpty();
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
