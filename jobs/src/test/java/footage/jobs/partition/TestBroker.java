package footage.jobs.partition;

import org.junit.jupiter.api.Assumptions;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.UUID;

/**
 * The machine's RabbitMQ ({@code FOOTAGE_TEST_RABBIT_HOST}/{@code _PORT}, default 127.0.0.1:5672, guest/guest). Each
 * test gets its own queue, deleted afterwards, so tests (and other sessions) never take each other's requests. The
 * server itself is never stopped: "broker down" is a port nobody listens on.
 */
final class TestBroker {

    static final String HOST = env("FOOTAGE_TEST_RABBIT_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(env("FOOTAGE_TEST_RABBIT_PORT", "5672"));

    private TestBroker() {
    }

    /** Skips the test when no broker listens, except under {@code CI=true}, where that fails it. */
    static void require() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 2000);
        } catch (IOException e) {
            String why = "RabbitMQ is not reachable at " + HOST + ":" + PORT + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI=true, so this fails instead of skipping");
            }
            Assumptions.abort(why);
        }
    }

    static String uniqueQueue() {
        return "footage.test." + UUID.randomUUID().toString().substring(0, 12);
    }

    /** The options that point a node at the test broker and queue. */
    static String[] options(String queue) {
        return new String[] {"--spring.rabbitmq.host=" + HOST, "--spring.rabbitmq.port=" + PORT,
                "--footage.partition.queue=" + queue};
    }

    static void deleteQueue(String queue) {
        CachingConnectionFactory factory = new CachingConnectionFactory(HOST, PORT);
        try {
            new RabbitAdmin(factory).deleteQueue(queue);
        } catch (RuntimeException e) {
            System.err.println("could not delete test queue " + queue + ": " + e.getMessage());
        } finally {
            factory.destroy();
        }
    }

    /** A local port with nothing listening on it: a broker that is down. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
