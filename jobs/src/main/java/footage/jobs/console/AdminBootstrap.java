package footage.jobs.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.EnumSet;

/**
 * First start (no console user in the catalog yet): creates the administrator {@code footage.console.admin-user} with
 * {@code footage.console.admin-password} / {@code FOOTAGE_ADMIN_PASSWORD}, or with a generated password printed once
 * to stdout — there is no default password. Runs before the web server accepts requests, and in one-shot commands
 * too, so that {@code footage demo} on a fresh home prints the password its console will ask for.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    // no 0/O, 1/l/I: read off a terminal and typed in by a person
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleUsers users;
    private final ConsoleProperties properties;

    AdminBootstrap(ConsoleUsers users, ConsoleProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // stderr: stdout carries command output (reports, JSON) that the password must not end up in
        ensureAdmin(System.err);
    }

    void ensureAdmin(PrintStream out) {
        if (!users.none()) {
            return;
        }
        boolean generated = properties.adminPassword() == null;
        String password = generated ? generate(20) : properties.adminPassword();
        try {
            users.create(properties.adminUser(), password, EnumSet.of(Role.ADMIN), "system");
        } catch (ConsoleRefusal refused) {
            if ("users.refused.passwordWeak".equals(refused.code())) {
                // stop with why: a catalog without any user would have no way in
                throw new IllegalStateException("footage.console.admin-password (FOOTAGE_ADMIN_PASSWORD) is too easy to guess "
                        + "(a common password, a word with digits, a repetition or a keyboard row): choose another");
            }
            return; // another process starting on the same catalog created the first user (and printed its password)
        }
        if (generated) {
            out.println("footage: console administrator '" + properties.adminUser() + "' created with the generated password "
                    + password + " (shown only this once; change it under Account after logging in)");
            out.flush();
        } else {
            log.info("console: administrator '{}' created with the configured password", properties.adminUser());
        }
    }

    static String generate(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }
}
