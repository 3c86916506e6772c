package footage.jobs.console;

import footage.jobs.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start of any command on a fresh home (here {@code jobs list}, which has no web server: the console's
 * security must not get in its way) creates the administrator with a generated password, printed once.
 */
class AdminBootstrapTests {

    private static final Pattern PRINTED = Pattern.compile("console administrator 'admin' created with the generated password (\\S+)");

    @TempDir
    Path home;

    @Test
    void theFirstStartCreatesTheAdministratorWithAGeneratedPasswordPrintedOnceAndLedgered() throws Exception {
        // given a fresh home and no password configured
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;

        // when a one-shot command starts on it
        int code;
        System.setErr(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            code = new Cli(new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new String[]{"--home", home.toString(), "--footage.console.admin-password=", "jobs", "list"});
        } finally {
            System.setErr(original);
        }

        // then the command ran as usual, and the administrator's generated password was printed, once
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = stdout.toString(StandardCharsets.UTF_8);
        Matcher m = PRINTED.matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        String password = m.group(1);
        assertThat(password).hasSize(20);
        assertThat(m.find()).isFalse();

        // and the catalog holds it as a BCrypt hash, an ADMIN, with a ledger entry
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/footage"), "sa", "");
             Statement s = c.createStatement()) {
            ResultSet user = s.executeQuery("SELECT password_hash FROM console_users WHERE username = 'admin'");
            assertThat(user.next()).isTrue();
            assertThat(user.getString(1)).startsWith("$2").doesNotContain(password);
            assertThat(new BCryptPasswordEncoder().matches(password, user.getString(1))).isTrue();
            ResultSet role = s.executeQuery("SELECT role FROM console_user_roles WHERE username = 'admin'");
            assertThat(role.next()).isTrue();
            assertThat(role.getString(1)).isEqualTo("ADMIN");
            ResultSet entry = s.executeQuery("SELECT actor FROM ledger WHERE entry_type = 'USER_CREATED' AND subject = 'user:admin'");
            assertThat(entry.next()).isTrue();
            assertThat(entry.getString(1)).isEqualTo("system");
        }
    }

    @Test
    void aConfiguredAdministratorPasswordThatIsEasyToGuessStopsTheFirstStartWithWhy() {
        // given a fresh home and a common password configured
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when a one-shot command starts on it
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[]{"--home", home.toString(), "--footage.console.admin-password=password1234", "jobs", "list"});

        // then it stops, saying why, rather than leaving a catalog nobody can log in to
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8)).contains("too easy to guess");
    }
}
