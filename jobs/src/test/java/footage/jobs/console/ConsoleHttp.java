package footage.jobs.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client with its own session (cookies), for what needs no browser: raw POSTs, headers, status codes. */
final class ConsoleHttp {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    ConsoleHttp(String base) {
        this.base = base;
    }

    /** Logs in through the login form, as a browser would; returns where it was sent. */
    String login(String user, String password) {
        String page = get("/login").body();
        Matcher m = HIDDEN_CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field in the login page");
        }
        HttpResponse<String> r = post("/login", Map.of("username", user, "password", password, "_csrf", m.group(1)));
        return r.headers().firstValue("Location").orElse("(status " + r.statusCode() + ")");
    }

    /** The CSRF token of this session, from the meta tag every console page carries. */
    String csrf() {
        Matcher m = META_CSRF.matcher(get("/").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF meta tag on the dashboard (not logged in?)");
        }
        return m.group(1);
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<String> getAs(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return get(path, "Authorization", "Basic " + basic);
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
