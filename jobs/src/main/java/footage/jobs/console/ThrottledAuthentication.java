package footage.jobs.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;


/**
 * Password checks (form login and HTTP Basic on the actuator alike) behind the {@link LoginThrottle}; every failure
 * and every refusal is logged with the name tried and the client address.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthentication.class);

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = printable(request.getName());
        String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        var wait = throttle.waitFor(request.getName(), address);
        if (wait.isPresent()) {
            // the password is not even checked: a guesser learns nothing from a try made too soon
            log.warn("console: login refused for '{}' from {}: {} s to wait after repeated failures", name, address,
                    Math.max(1, wait.get().toSeconds()));
            throw new LockedException("too many failed logins from this address; try again later");
        }
        try {
            Authentication ok = passwords.authenticate(request);
            throttle.succeeded(request.getName(), address);
            return ok;
        } catch (AuthenticationException e) {
            int n = throttle.failed(request.getName(), address);
            log.warn("console: login failed for '{}' from {} ({}; {} failure(s) in a row)", name, address,
                    e.getClass().getSimpleName(), n);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** What was typed as a user name goes into the log: no line breaks or control characters, bounded length. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
