package footage.jobs.console;

import footage.jobs.ledger.Ledger;
import me.gosimple.nbvcxz.Nbvcxz;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Console users in the catalog database, passwords as BCrypt hashes. Every change is a ledger entry naming who made
 * it, in the change's transaction. Users are never deleted, only disabled, so ledger actors stay resolvable. A bean in
 * every context (not only {@code serve}): the first start of any command creates the administrator, and its presence
 * keeps Spring Boot from configuring an in-memory user with a generated password of its own.
 */
@Component
class ConsoleUsers implements UserDetailsService {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD_BYTES = 72; // BCrypt reads no further, and Spring's encoder refuses more
    // ledger subjects, URLs and log lines carry it: no spaces, no markup, no ".." path segment, one spelling
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    // nbvcxz's 0-4 score: 2 and above resists an online guesser working through its common-password lists
    private static final int MIN_SCORE = 2;

    /** Its dictionaries take a third of a second to load: only when a password is set, not at every command's start. */
    private static final class Strength {
        static final Nbvcxz ESTIMATOR = new Nbvcxz();
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    ConsoleUsers(JdbcClient jdbc, Ledger ledger, PasswordEncoder consolePasswordEncoder, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.encoder = consolePasswordEncoder;
        this.tx = new TransactionTemplate(transactionManager);
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The user typed in any case: {@code Admin} logs in as {@code admin}, whose name the session then carries. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String name, String hash, boolean enabled) {
        }
        List<Row> rows = jdbc.sql("SELECT username, password_hash, enabled FROM console_users WHERE LOWER(username) = LOWER(?)")
                .param(username).query((rs, n) -> new Row(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"))).list();
        // names from before issue 20 may differ in case only: then the exact spelling decides
        Row row = rows.size() == 1 ? rows.get(0) : rows.stream().filter(r -> r.name().equals(username)).findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no console user " + username));
        return User.withUsername(row.name()).password(row.hash()).disabled(!row.enabled())
                .authorities(roles(row.name()).stream().map(Role::authority).toArray(String[]::new)).build();
    }

    /** When the user's password was last set; a session opened before then has ended. */
    Optional<OffsetDateTime> passwordChangedAt(String username) {
        return jdbc.sql("SELECT password_changed_at FROM console_users WHERE username = ?").param(username)
                .query((rs, n) -> rs.getObject("password_changed_at", OffsetDateTime.class)).optional();
    }

    boolean none() {
        return jdbc.sql("SELECT COUNT(*) FROM console_users").query(Long.class).single() == 0;
    }

    List<ConsoleUser> list() {
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT username, role FROM console_user_roles").query(rs -> {
            roles.computeIfAbsent(rs.getString("username"), k -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString("role")));
        });
        return jdbc.sql("SELECT username, enabled, created_at, created_by, password_changed_at, last_login_at FROM console_users "
                        + "ORDER BY username")
                .query((rs, n) -> new ConsoleUser(rs.getString("username"),
                        roles.getOrDefault(rs.getString("username"), EnumSet.noneOf(Role.class)),
                        rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("created_by"), rs.getObject("password_changed_at", OffsetDateTime.class),
                        rs.getObject("last_login_at", OffsetDateTime.class)))
                .list();
    }

    Optional<ConsoleUser> find(String username) {
        return list().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** Creates a user; refused for a malformed name, one taken in any case, a weak password or no role. */
    void create(String username, String password, Set<Role> roles, String by) {
        if (!validName(username)) {
            throw new ConsoleRefusal("users.refused.name");
        }
        checkPassword(password);
        if (roles.isEmpty()) {
            throw new ConsoleRefusal("users.refused.noRole");
        }
        checkScope(roles);
        String hash = encoder.encode(password);
        try {
            tx.executeWithoutResult(s -> {
                lockUsers();
                if (exists(username)) {
                    throw new ConsoleRefusal("users.refused.exists", username);
                }
                OffsetDateTime now = now();
                jdbc.sql("INSERT INTO console_users (username, password_hash, enabled, created_at, created_by, password_changed_at) "
                        + "VALUES (?, ?, TRUE, ?, ?, ?)").params(username, hash, now, by, now).update();
                insertRoles(username, roles);
                ledger.append("USER_CREATED", subject(username), by, Map.of("via", "console", "roles", names(roles), "enabled", true,
                        "granted", names(roles)));
            });
        } catch (DuplicateKeyException raced) {
            throw new ConsoleRefusal("users.refused.exists", username);
        }
    }

    /** Sets roles and enabled; refused when it would leave no enabled administrator. */
    void update(String username, Set<Role> roles, boolean enabled, String by) {
        if (roles.isEmpty()) {
            throw new ConsoleRefusal("users.refused.noRole");
        }
        checkScope(roles);
        tx.executeWithoutResult(s -> {
            lockUsers();
            if (jdbc.sql("UPDATE console_users SET enabled = ? WHERE username = ?").params(enabled, username).update() == 0) {
                throw new ConsoleRefusal("users.refused.unknown", username);
            }
            Set<Role> before = roles(username);
            jdbc.sql("DELETE FROM console_user_roles WHERE username = ?").param(username).update();
            insertRoles(username, roles);
            if (enabledAdmins() == 0) {
                throw new ConsoleRefusal("users.refused.lastAdmin");
            }
            // what was granted and taken, so the audit page can tell a fresh approver from an old one
            Set<Role> granted = EnumSet.noneOf(Role.class);
            granted.addAll(roles);
            granted.removeAll(before);
            Set<Role> revoked = EnumSet.noneOf(Role.class);
            revoked.addAll(before);
            revoked.removeAll(roles);
            ledger.append("USER_CHANGED", subject(username), by, Map.of("via", "console", "roles", names(roles), "enabled", enabled,
                    "granted", names(granted), "revoked", names(revoked)));
        });
    }

    /** An administrator sets someone's password. */
    void setPassword(String username, String password, String by) {
        checkPassword(password);
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("UPDATE console_users SET password_hash = ?, password_changed_at = ? WHERE username = ?")
                    .params(encoder.encode(password), now(), username).update() == 0) {
                throw new ConsoleRefusal("users.refused.unknown", username);
            }
            ledger.append("USER_PASSWORD_SET", subject(username), by, Map.of("via", "console", "self", by.equals(username)));
        });
    }

    /** A user changes their own password, proving the current one. */
    void changeOwnPassword(String username, String current, String password) {
        String hash = jdbc.sql("SELECT password_hash FROM console_users WHERE username = ?").param(username)
                .query(String.class).optional().orElseThrow(() -> new ConsoleRefusal("users.refused.unknown", username));
        if (current == null || !encoder.matches(current, hash)) {
            throw new ConsoleRefusal("account.refused.current");
        }
        setPassword(username, password, username);
    }

    /** Whether {@code password} is {@code username}'s (false for a user that does not exist). */
    boolean passwordMatches(String username, char[] password) {
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM console_users WHERE username = ?").param(username)
                .query(String.class).optional();
        return password != null && hash.isPresent() && encoder.matches(CharBuffer.wrap(password), hash.get());
    }

    void loggedIn(String username) {
        jdbc.sql("UPDATE console_users SET last_login_at = ? WHERE username = ?").params(now(), username).update();
    }

    /**
     * Bureau-head scope widens what an approver decides; without APPROVER it would mean nothing. Whoever runs the system
     * holds no evidence role: an administrator with approver rights could approve a request and then hide the account.
     */
    private static void checkScope(Set<Role> roles) {
        if (roles.contains(Role.BUREAU_HEAD) && !roles.contains(Role.APPROVER)) {
            throw new ConsoleRefusal("users.refused.bureauScope");
        }
        if (roles.contains(Role.ADMIN) && roles.stream().anyMatch(Role.EVIDENCE::contains)) {
            throw new ConsoleRefusal("users.refused.adminDuties");
        }
    }

    /** Long enough, short enough for BCrypt, and not among what guessers try first. */
    static void checkPassword(String password) {
        checkPasswordLength(password);
        if (Strength.ESTIMATOR.estimate(password).getBasicScore() < MIN_SCORE) {
            throw new ConsoleRefusal("users.refused.passwordWeak");
        }
    }

    /** At least {@link #MIN_PASSWORD} characters, at most {@link #MAX_PASSWORD_BYTES} bytes in UTF-8. */
    static void checkPasswordLength(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new ConsoleRefusal("users.refused.password", MIN_PASSWORD);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ConsoleRefusal("users.refused.passwordBytes", MAX_PASSWORD_BYTES);
        }
    }

    private Set<Role> roles(String username) {
        return Role.parse(jdbc.sql("SELECT role FROM console_user_roles WHERE username = ?").param(username)
                .query(String.class).list());
    }

    /** In any case: {@code Admin} beside {@code admin} would be two people in the ledger who look like one. */
    private boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM console_users WHERE LOWER(username) = LOWER(?)").param(username)
                .query(Long.class).single() > 0;
    }

    /** Two administrators demoting each other at once must not both succeed: changes to users take turns. */
    private void lockUsers() {
        jdbc.sql("SELECT id FROM ledger_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    private long enabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM console_users u JOIN console_user_roles r ON r.username = u.username "
                + "WHERE u.enabled = TRUE AND r.role = 'ADMIN'").query(Long.class).single();
    }

    private void insertRoles(String username, Set<Role> roles) {
        for (Role r : roles) {
            jdbc.sql("INSERT INTO console_user_roles (username, role) VALUES (?, ?)").params(username, r.name()).update();
        }
    }

    private static List<String> names(Set<Role> roles) {
        List<String> out = new ArrayList<>();
        roles.stream().sorted().forEach(r -> out.add(r.name()));
        return out;
    }

    static String subject(String username) {
        return "user:" + username;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
