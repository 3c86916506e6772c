package footage.jobs;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for a test class: on the server named by {@code FOOTAGE_TEST_PG_URL} (default the local
 * server, {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}), else in a Testcontainers container when
 * a Docker engine runs. Under {@code CI=true} an unreachable database fails the run instead of skipping.
 */
public final class TestDatabases {

    public record Database(String url, String user, String password) {
    }

    private TestDatabases() {
    }

    public static Database freshPostgres() {
        String adminUrl = env("FOOTAGE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("FOOTAGE_TEST_PG_USER", "postgres");
        String password = env("FOOTAGE_TEST_PG_PASSWORD", "");
        String name = "footage_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(adminUrl, user, password, name)));
            return new Database(adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name, user, password);
        } catch (SQLException local) {
            Database docker = fromTestcontainers();
            if (docker != null) {
                return docker;
            }
            String why = "PostgreSQL is not reachable at " + adminUrl + " as " + user + " (" + local.getMessage()
                    + ") and no Docker engine runs for Testcontainers";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI=true, so this fails instead of skipping");
            }
            Assumptions.abort(why);
            return null;
        }
    }

    private static void drop(String adminUrl, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static Database fromTestcontainers() {
        try {
            if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
