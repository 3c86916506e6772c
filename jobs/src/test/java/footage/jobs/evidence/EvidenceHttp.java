package footage.jobs.evidence;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client with its own session, logged in through the console's login form as a browser would. */
final class EvidenceHttp {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    EvidenceHttp(String base) {
        this.base = base;
    }

    EvidenceHttp login(String user, String password) {
        Matcher m = HIDDEN_CSRF.matcher(get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field in the login page");
        }
        String body = Map.of("username", user, "password", password, "_csrf", m.group(1)).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login refused for " + user);
        }
        return this;
    }

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    /** Posts a form with this session's CSRF token, taken from the meta tag every console page carries. */
    HttpResponse<String> post(String path, Map<String, String> form) {
        Matcher m = META_CSRF.matcher(get("/evidence").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF meta tag (not logged in?)");
        }
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(form);
        all.put("_csrf", m.group(1));
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form whose fields may repeat (name, value, name, value...), as checkboxes do. */
    HttpResponse<String> postPairs(String path, String... pairs) {
        Matcher m = META_CSRF.matcher(get("/evidence").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF meta tag (not logged in?)");
        }
        StringBuilder body = new StringBuilder("_csrf=").append(enc(m.group(1)));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** Posts multipart/form-data: text fields, and one file part with the given name and bytes. */
    HttpResponse<String> upload(String path, Map<String, String> fields, String filePart, String fileName, byte[] file) {
        Matcher m = META_CSRF.matcher(get("/evidence").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF meta tag (not logged in?)");
        }
        String boundary = "----evidence" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(filePart)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", m.group(1))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    HttpResponse<byte[]> bytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> head(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
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
