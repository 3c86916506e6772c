package footage.jobs.console;

import footage.jobs.ConsoleClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Transport over plain HTTP (issue 20, point 8): strict cookies, no referrer, redirects a forged Host cannot steer. */
class ConsoleTransportTests extends AbstractConsoleTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;\\r\\n]+)");
    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: ([^\\r\\n]+)");

    @Test
    void cookiesAreSameSiteStrictAndPagesSendNoReferrer() {
        // given a client
        ConsoleClient client = new ConsoleClient(base());

        // when it opens the login page and picks a language
        HttpResponse<String> login = client.get("/login");
        HttpResponse<String> language = client.get("/login?lang=en");

        // then the session and language cookies are SameSite=Strict (not Secure over plain HTTP), and no referrer leaves
        List<String> cookies = new java.util.ArrayList<>(login.headers().allValues("Set-Cookie"));
        cookies.addAll(language.headers().allValues("Set-Cookie"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="))
                .anySatisfy(c -> assertThat(c).startsWith("footage-lang="))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure"));
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void aForgedHostHeaderNeverEndsUpInARedirect() throws Exception {
        // given a stranger's request for a page, with a forged Host header
        String first = LoginFrom.exchange("127.0.0.1", port, "GET /executions?status=FAILED HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n");
        Matcher session = SESSION.matcher(first);
        assertThat(session.find()).isTrue();

        // when the login follows, under the same forged Host
        String page = LoginFrom.exchange("127.0.0.1", port, "GET /login HTTP/1.1\r\nHost: evil.example\r\nCookie: "
                + session.group(1) + "\r\nConnection: close\r\n\r\n");
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        String body = "username=" + OPERATOR + "&password=" + PASSWORD + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
                java.nio.charset.StandardCharsets.UTF_8);
        String loggedIn = LoginFrom.exchange("127.0.0.1", port, "POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: "
                + session.group(1) + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        // then both redirects are paths on this console, not URLs on the forged host
        assertThat(location(first)).isEqualTo("/login");
        assertThat(location(loggedIn)).isEqualTo("/executions?status=FAILED");
    }

    private static String location(String answer) {
        Matcher m = LOCATION.matcher(answer);
        return m.find() ? m.group(1) : "(none in " + answer.lines().findFirst().orElse("") + ")";
    }
}
