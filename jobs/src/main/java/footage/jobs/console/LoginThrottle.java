package footage.jobs.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limit for password guessing: after {@code maxFailures} failed logins for one user name within the lockout
 * period, that name is refused (even with the right password) until the period has passed; a client address gets four
 * times as many, as several people may share it. Kept in memory: a restart forgets, which a guesser cannot cause.
 */
final class LoginThrottle {

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    private static final int ADDRESS_FACTOR = 4;
    private static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How much longer the user name or the address is locked, if it is. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(userKey(username), now), lockedUntil(addressKey(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** Records a failed login; returns the failures counted for the user name so far. */
    int failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        count(addressKey(address), maxFailures * ADDRESS_FACTOR, now);
        return count(userKey(username), maxFailures, now).count();
    }

    /** A successful login clears the user name's failures, not the address's: one good account must not reset those. */
    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Failures count(String key, int max, Instant now) {
        return failures.compute(key, (k, f) -> {
            Failures current = f == null || expired(f, now) ? new Failures(0, now, null) : f;
            int n = current.count() + 1;
            return new Failures(n, current.first(), n >= max ? now.plus(lockout) : current.lockedUntil());
        });
    }

    private Instant lockedUntil(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now) ? f.lockedUntil() : null;
    }

    private boolean expired(Failures f, Instant now) {
        Instant end = f.lockedUntil() != null ? f.lockedUntil() : f.first().plus(lockout);
        return !end.isAfter(now);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "?" : address);
    }
}
