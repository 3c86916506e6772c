package footage.jobs.console;

import footage.jobs.ConsoleClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A login from another client address (127.0.0.2 and the like, all loopback on Linux): plain HTTP over a socket bound
 * to that address, which Java 17's HttpClient cannot do.
 */
final class LoginFrom {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;\\r\\n]+)");
    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: ([^\\r\\n]+)");

    private LoginFrom() {
    }

    /** Where the login form sent the client (the Location header), as {@link ConsoleClient#login} answers. */
    static String address(String local, int port, String user, String password) throws IOException {
        String page = exchange(local, port, "GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Matcher csrf = CSRF.matcher(page);
        Matcher session = SESSION.matcher(page);
        if (!csrf.find() || !session.find()) {
            throw new IllegalStateException("no CSRF field or session cookie in the login page");
        }
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        String answer = exchange(local, port, "POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: " + session.group(1)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
        Matcher location = LOCATION.matcher(answer);
        return location.find() ? location.group(1) : answer.lines().findFirst().orElse("");
    }

    /** One request as written, from {@code local}; the whole answer, head and body. */
    static String exchange(String local, int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
