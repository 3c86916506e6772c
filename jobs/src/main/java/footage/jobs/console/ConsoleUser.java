package footage.jobs.console;

import java.time.OffsetDateTime;
import java.util.Set;

/** A console user as the users page shows it (never the password hash). */
record ConsoleUser(String username, Set<Role> roles, boolean enabled, OffsetDateTime createdAt, String createdBy,
                   OffsetDateTime passwordChangedAt, OffsetDateTime lastLoginAt) {

    /** An account from before issue 20 that runs the system and works with evidence at once (public: the users page asks). */
    public boolean mixesDuties() {
        return roles.contains(Role.ADMIN) && roles.stream().anyMatch(Role.EVIDENCE::contains);
    }
}
