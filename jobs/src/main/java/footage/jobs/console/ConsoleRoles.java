package footage.jobs.console;

import footage.jobs.retention.Administrators;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The console's roles for commands outside the console: a command line names its person with {@code --by}, and what
 * only an administrator may do there has to name an enabled console user with role ADMIN, who proves it with their
 * console password.
 */
@Component
public class ConsoleRoles implements Administrators {

    private final ConsoleUsers users;

    ConsoleRoles(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    public Optional<String> whyNotAdmin(String username) {
        Optional<ConsoleUser> user = users.find(username);
        if (user.isEmpty()) {
            return Optional.of("'" + username + "' is not a console user");
        }
        if (!user.get().enabled()) {
            return Optional.of("console user '" + username + "' is disabled");
        }
        if (!user.get().roles().contains(Role.ADMIN)) {
            return Optional.of("console user '" + username + "' is not an ADMIN (roles: " + user.get().roles() + ")");
        }
        return Optional.empty();
    }

    @Override
    public boolean passwordMatches(String username, char[] password) {
        return users.passwordMatches(username, password);
    }
}
