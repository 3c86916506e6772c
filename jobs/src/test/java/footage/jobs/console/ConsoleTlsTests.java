package footage.jobs.console;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS (issue 20, point 8): a keystore in footage.console.tls.keystore makes the console speak TLS, cookies Secure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.web-application-type=servlet",
        "footage.console.admin-password=admin-password-for-tests",
        "footage.console.tls.keystore-password=keystore-password-for-tests",
        "footage.schedule.ingest.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.report.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.fixity.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.sweep.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.transcode.cron=0 0 0 1 1 ? 2099",
        "footage.schedule.supervision.cron=0 0 0 1 1 ? 2099"})
class ConsoleTlsTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void homeAndKeystore(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("footage-tls-");
        Path keystore = home.resolve("console.p12");
        // the JDK's keytool, as an administrator would make a self-signed keystore for a first install
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "console", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "keystore-password-for-tests").inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        registry.add("footage.home", home::toString);
        registry.add("footage.console.tls.keystore", keystore::toString);
    }

    @Test
    void theConsoleSpeaksHttpsWithSecureStrictCookies() throws Exception {
        // given a client that trusts the self-signed certificate
        HttpClient https = HttpClient.newBuilder().sslContext(trustingAll()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        // when it asks for the login page over HTTPS
        HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

        // then the page comes, its session cookie only ever goes back over HTTPS and never from another site
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .containsIgnoringCase("; Secure").containsIgnoringCase("SameSite=Strict"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private static SSLContext trustingAll() throws Exception {
        TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{all}, null);
        return context;
    }
}
