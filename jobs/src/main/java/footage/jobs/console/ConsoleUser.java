package footage.jobs.console;

import java.time.OffsetDateTime;
import java.util.Set;

/** A console user as the users page shows it (never the password hash). */
record ConsoleUser(String username, Set<Role> roles, boolean enabled, OffsetDateTime createdAt, String createdBy,
                   OffsetDateTime passwordChangedAt, OffsetDateTime lastLoginAt) {
}
