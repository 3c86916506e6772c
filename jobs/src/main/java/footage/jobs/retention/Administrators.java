package footage.jobs.retention;

import java.util.Optional;

/**
 * Who may make a PERMANENT recording STANDARD (an enabled administrator of the console); the console answers it,
 * so that retention, which the console shows, does not depend on the console.
 */
public interface Administrators {

    /** Why {@code username} is not an enabled administrator, in one line; empty when they are one. */
    Optional<String> whyNotAdmin(String username);

    /** Whether {@code password} is the console password of {@code username}. */
    boolean passwordMatches(String username, char[] password);
}
