package footage.jobs.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limit for password guessing that a stranger cannot turn against staff: failures are counted per (user name,
 * client address), so guessing {@code admin}'s password from one machine never keeps {@code admin} out from another.
 * After {@code freeFailures} failures in a row from one address for one name, each further try from there waits, the
 * wait doubling with every failure up to {@code maxDelay}; an address with {@code addressFailures} failures (any names)
 * within {@code maxDelay} waits out the rest of that period, which bounds spraying many names from one place. Counts
 * are forgotten {@code maxDelay} after their last failure. Kept in memory: a restart forgets, which a guesser cannot
 * cause.
 */
final class LoginThrottle {

    private record Failures(int count, Instant first, Instant last) {
    }

    private static final int MAX_KEYS = 10_000;

    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int addressFailures;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, int addressFailures, Clock clock) {
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.addressFailures = addressFailures;
        this.clock = clock;
    }

    /** How much longer this name must wait before its next try from this address, if it must. */
    Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(pairFree(failures.get(pairKey(username, address))), addressFree(failures.get(addressKey(address))));
        return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** Records a failed login; returns the failures in a row of this name from this address. */
    int failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> forgotten(e.getValue(), now));
        }
        // an address counts in fixed periods: a new one starts when the last has passed
        failures.compute(addressKey(address), (k, f) -> f == null || !f.first().plus(maxDelay).isAfter(now)
                ? new Failures(1, now, now) : new Failures(f.count() + 1, f.first(), now));
        return failures.compute(pairKey(username, address), (k, f) -> f == null || forgotten(f, now)
                ? new Failures(1, now, now) : new Failures(f.count() + 1, f.first(), now)).count();
    }

    /** A success clears this name's failures from this address; the address's own count stays, one good account must not reset it. */
    void succeeded(String username, String address) {
        failures.remove(pairKey(username, address));
    }

    /** The wait after {@code n} failures in a row: none for the free ones, then doubling from {@code firstDelay}. */
    Duration delayAfter(int n) {
        if (n < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(n - freeFailures, 30);
        Duration d = firstDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private Instant pairFree(Failures f) {
        return f == null ? null : f.last().plus(delayAfter(f.count()));
    }

    private Instant addressFree(Failures f) {
        return f == null || f.count() < addressFailures ? null : f.first().plus(maxDelay);
    }

    private boolean forgotten(Failures f, Instant now) {
        return !f.last().plus(maxDelay).isAfter(now);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String pairKey(String username, String address) {
        return "pair:" + (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "@" + (address == null ? "?" : address);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "?" : address);
    }
}
