package footage.jobs.console;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts (issue 20, point 4): names that stay manageable, one spelling per person, one login error, strong passwords. */
class ConsoleAccountsTests extends AbstractConsoleTests {

    private static final String STRONG = "violet-harbour-seven-lamps";

    @Test
    void userNamesAreLowerCaseWordsUniqueInAnyCase() {
        // given an administrator's session
        ConsoleClient admin = adminInEnglish();

        // when names a URL could not carry, or that differ from a user's in case only, are posted
        for (String name : new String[]{"..", ".hidden", "Admin", "ADMIN", "a", "x".repeat(33), "name with space"}) {
            assertThat(create(admin, name, STRONG)).as(name).contains("Refused:");
        }
        // and a fair one
        assertThat(create(admin, "mark.li-2", STRONG)).contains("User mark.li-2 created.");

        // then only the fair one exists, and it can be managed through its own URL
        assertThat(users.list()).extracting(ConsoleUser::username).doesNotContain("..", ".hidden", "Admin", "ADMIN", "a")
                .contains("mark.li-2");
        admin.post("/users/mark.li-2", Map.of("roles", "OPERATOR", "_csrf", admin.csrf()));
        assertThat(admin.get("/users").body()).contains("User mark.li-2 saved.");
        assertThat(users.find("mark.li-2").orElseThrow().enabled()).isFalse();
        // and a name taken in another case is refused with why, from the console and from anywhere else
        assertThatThrownBy(() -> users.create("Mark.Li-2", STRONG, EnumSet.of(Role.OPERATOR), ADMIN))
                .hasMessage("users.refused.name");
        assertThatThrownBy(() -> users.create("olga", STRONG, EnumSet.of(Role.OPERATOR), ADMIN))
                .hasMessage("users.refused.exists");
        assertThat(create(admin, "..", STRONG)).contains("a user name has 2 to 32 lower-case letters, digits, &#39;.&#39;, &#39;_&#39; or &#39;-&#39;");
        // and a name from before these rules that differs in case only is taken too
        jdbc.sql("INSERT INTO console_users (username, password_hash, enabled, created_at, created_by, password_changed_at) "
                + "VALUES ('Bob', 'x', TRUE, CURRENT_TIMESTAMP, 'old', CURRENT_TIMESTAMP)").update();
        assertThat(create(admin, "bob", STRONG)).contains("Refused: user bob already exists");
    }

    @Test
    void aUserLogsInUnderAnyCaseOfTheirNameAsThemselves() {
        // given olga
        ConsoleClient client = new ConsoleClient(base());

        // when she types her name in capitals
        String to = client.login("OLGA", PASSWORD);

        // then she is logged in, as olga
        assertThat(to).doesNotContain("error");
        assertThat(client.get("/account").body()).contains(OPERATOR);
    }

    @Test
    void everyLoginFailureGivesTheSameAnswer() {
        // given a disabled user besides the enabled ones
        users.create("dora", STRONG, EnumSet.of(Role.OPERATOR), ADMIN);
        users.update("dora", EnumSet.of(Role.OPERATOR), false, ADMIN);

        // when a wrong password, an unknown name and a disabled user's right password are tried
        String wrongPassword = new ConsoleClient(base()).login(OPERATOR, "not-the-password-at-all");
        String unknown = new ConsoleClient(base()).login("nobody-here", STRONG);
        String disabled = new ConsoleClient(base()).login("dora", STRONG);

        // then the answer is one and the same, and the page says nothing more
        assertThat(wrongPassword).endsWith("/login?error");
        assertThat(unknown).isEqualTo(wrongPassword);
        assertThat(disabled).isEqualTo(wrongPassword);
        String page = new ConsoleClient(base()).get("/login?error&lang=en").body();
        assertThat(page).contains("The login failed").doesNotContain("disabled", "locked");
    }

    @Test
    void shortCommonAndOverlongPasswordsAreRefusedWithWhy() {
        // given an administrator's session
        ConsoleClient admin = adminInEnglish();

        // when users are created with a short, a repeated, a common and a 30-Chinese-character (90-byte) password
        String cjkPage = create(admin, "pw-cjk", "密".repeat(30));
        String shortPage = create(admin, "pw-short", "Xq7-kd9!zP");
        String samePage = create(admin, "pw-same", "aaaaaaaaaaaa");
        String commonPage = create(admin, "pw-common", "password1234");

        // then none exists, and each page said why (no error page)
        assertThat(cjkPage).contains("at most 72 bytes in UTF-8");
        assertThat(shortPage).contains("a password has at least 12 characters");
        assertThat(samePage).contains("too easy to guess");
        assertThat(commonPage).contains("too easy to guess");
        assertThat(users.list()).extracting(ConsoleUser::username).doesNotContain("pw-cjk", "pw-short", "pw-same", "pw-common");
        // while 24 Chinese characters (72 bytes) of no common phrase are a fine password
        users.create("pw-cjk24", "山水风云日月星辰江河湖海春夏秋冬梅兰竹菊琴棋书画", EnumSet.of(Role.OPERATOR), ADMIN);
        assertThat(new ConsoleClient(base()).login("pw-cjk24", "山水风云日月星辰江河湖海春夏秋冬梅兰竹菊琴棋书画")).doesNotContain("error");
    }

    @Test
    void aPasswordResetEndsTheUsersSessionsButNotTheOneThatChangedItsOwn() {
        // given a user logged in twice, and an administrator
        users.create("rosa", STRONG, EnumSet.of(Role.OPERATOR), ADMIN);
        ConsoleClient first = new ConsoleClient(base());
        first.login("rosa", STRONG);
        ConsoleClient second = new ConsoleClient(base());
        second.login("rosa", STRONG);
        ConsoleClient admin = adminInEnglish();

        // when she changes her own password in the first session
        first.post("/account/password", Map.of("current", STRONG, "password", "amber-meadow-four-kites",
                "confirm", "amber-meadow-four-kites", "_csrf", first.csrf()));

        // then that session goes on and the other one has ended
        assertThat(first.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> ended = second.get("/");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));

        // when the administrator then sets her password
        admin.post("/users/rosa/password", Map.of("password", STRONG, "_csrf", admin.csrf()));

        // then her remaining session ends too, and the ledger names who set it
        assertThat(first.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
        assertThat(ledgerActors("USER_PASSWORD_SET", "user:rosa")).containsExactly("rosa", ADMIN);
    }

    /** Posts the new-user form; returns the users page it leads to, with the outcome. */
    private static String create(ConsoleClient admin, String name, String password) {
        HttpResponse<String> posted = admin.post("/users", Map.of("username", name, "password", password, "roles", "OPERATOR",
                "_csrf", admin.csrf()));
        assertThat(posted.statusCode()).as(name).isEqualTo(302);
        return admin.get("/users").body();
    }

    private ConsoleClient adminInEnglish() {
        ConsoleClient admin = new ConsoleClient(base());
        admin.login(ADMIN, ADMIN_PASSWORD);
        admin.get("/?lang=en");
        return admin;
    }
}
