package footage.jobs.schedule;

import footage.jobs.FootageProcess;
import footage.jobs.TestCatalog;
import footage.jobs.TestDatabases;
import footage.jobs.TestDumps;
import footage.pipeline.sample.FileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}'s Prometheus endpoint after a scheduled ingest: the domain counters (files by outcome, bytes archived,
 * findings by kind) agree with the catalog, Spring Batch's timers are there, and health and readiness are UP.
 */
class PrometheusEndpointTests {

    // the actuator needs an ADMIN (console, issue 8): serve's first start creates one with this password
    private static final String ADMIN_PASSWORD = "prometheus-test-admin";
    // the scrape has a token of its own (issue 20), not a person's account
    private static final String METRICS_TOKEN = "prometheus-scrape-token-for-tests";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void afterAScheduledIngestTheDomainCountersAgreeWithTheCatalog() throws Exception {
        // given serve on a fresh catalog, and a dump of two recordings and a note the manifest does not list (not media)
        TestDatabases.Database db = TestDatabases.freshPostgres();
        TestCatalog catalog = new TestCatalog(db);
        Path home = dir.resolve("home");
        TestDumps.drop(home.resolve("drop"), "metrics", "DSJ0000800", 2,
                new FileSpec("notes.txt", null, "not a recording".getBytes(StandardCharsets.UTF_8), false, null, null));
        try (FootageProcess serve = FootageProcess.serve(home, FootageProcess.logs(getClass(), "scrape").resolve("serve.log"), db,
                "--footage.console.admin-password=" + ADMIN_PASSWORD, "--footage.metrics.token=" + METRICS_TOKEN)) {
            int port = serve.awaitServing(Duration.ofSeconds(90));

            // when its ingest schedule has taken the dump in and /actuator/prometheus is scraped
            TestCatalog.await("the dump DONE", Duration.ofSeconds(60),
                    () -> catalog.strings("SELECT status FROM dumps").equals(List.of("DONE")), serve::tail);
            HttpResponse<String> scrape = get(port, "/actuator/prometheus");

            // then the domain counters say what the catalog says
            assertThat(scrape.statusCode()).isEqualTo(200);
            String metrics = scrape.body();
            assertThat(value(metrics, "footage_files_total{status=\"ARCHIVED\"}")).contains(2.0);
            assertThat(value(metrics, "footage_files_total{status=\"QUARANTINED\"}")).contains(1.0);
            assertThat(value(metrics, "footage_archived_bytes_total"))
                    .contains((double) catalog.count("SELECT SUM(size_bytes) FROM recordings"));
            List<Object[]> kinds = catalog.rows("SELECT kind, COUNT(*) FROM findings GROUP BY kind");
            assertThat(kinds).as("findings (UNLISTED_FILE at least)").isNotEmpty();
            for (Object[] kind : kinds) {
                assertThat(value(metrics, "footage_findings_raised_total{kind=\"" + kind[0] + "\"}")).as("findings " + kind[0])
                        .contains(((Number) kind[1]).doubleValue());
            }
            // and the batch timers of the ingest runs
            assertThat(metrics).containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"ingestJob\"[^}]*\\} [1-9]");

            // and health (with the database and the archive disk) and readiness are UP
            HttpResponse<String> health = get(port, "/actuator/health");
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"diskSpace\"");
            assertThat(get(port, "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String authorization = path.endsWith("/prometheus") ? "Bearer " + METRICS_TOKEN : "Basic " + basic;
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sample value of one exposition line ({@code name{labels} value}), if there is one. */
    private static Optional<Double> value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim().split(" ")[0]));
    }
}
