package footage.jobs;

import java.io.ByteArrayOutputStream;
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

/**
 * A plain HTTP client of the console with its own session (cookies), for what needs no browser: raw POSTs, headers,
 * status codes, uploads and downloads. {@link #post} sends exactly the form given (tests of CSRF refusals need
 * that); {@link #submit}, {@link #submitPairs} and {@link #upload} add the session's CSRF token as a page would.
 */
public final class ConsoleClient {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    public ConsoleClient(String base) {
        this.base = base;
    }

    /** Logs in through the login form, as a browser would; returns where it was sent. */
    public String login(String user, String password) {
        Matcher m = HIDDEN_CSRF.matcher(get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field in the login page");
        }
        HttpResponse<String> r = post("/login", Map.of("username", user, "password", password, "_csrf", m.group(1)));
        return r.headers().firstValue("Location").orElse("(status " + r.statusCode() + ")");
    }

    /** Logs in and fails the test at once when the console refuses, so that a wrong fixture is not read as a refusal. */
    public ConsoleClient signedIn(String user, String password) {
        if (login(user, password).contains("error")) {
            throw new IllegalStateException("login refused for " + user);
        }
        return this;
    }

    /** The CSRF token of this session, from the meta tag every console page carries (here the dashboard's). */
    public String csrf() {
        return csrfFrom("/");
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> getAs(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return get(path, "Authorization", "Basic " + basic);
    }

    public HttpResponse<String> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<byte[]> bytes(String path, String... headers) {
        return send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts exactly this form: no CSRF token is added. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return postForm(path, body);
    }

    /** Posts a form with this session's CSRF token, as the evidence pages' forms do. */
    public HttpResponse<String> submit(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", evidenceCsrf());
        return post(path, all);
    }

    /** Posts a form whose fields may repeat (name, value, name, value...), as checkboxes do, with the CSRF token. */
    public HttpResponse<String> submitPairs(String path, String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=").append(enc(evidenceCsrf()));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return postForm(path, body.toString());
    }

    /** Posts multipart/form-data: text fields, and one file part with the given name and bytes. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String filePart, String fileName,
                                       byte[] file) {
        String boundary = "----console" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(filePart)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", evidenceCsrf())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    // every evidence role may open /evidence, while the dashboard is the operators'
    private String evidenceCsrf() {
        return csrfFrom("/evidence");
    }

    private String csrfFrom(String page) {
        Matcher m = META_CSRF.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF meta tag on " + page + " (not logged in?)");
        }
        return m.group(1);
    }

    private HttpResponse<String> postForm(String path, String body) {
        return send(request(path).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
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
