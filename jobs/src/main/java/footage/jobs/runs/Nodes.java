package footage.jobs.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This process as the others see it: a row in {@code footage_nodes} whose heartbeat says it is alive. A job whose
 * owner stopped heartbeating is known to be dead and can be recovered; one whose owner is alive never is.
 */
@Component
public class Nodes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Nodes.class);

    private final JdbcClient jdbc;
    private final OperationsProperties properties;
    private final String nodeId;
    private final String host;
    private final long pid = ProcessHandle.current().pid();
    private final ScheduledExecutorService timer;

    Nodes(JdbcClient jdbc, OperationsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.host = hostName();
        this.nodeId = host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime now = now();
        // rows of processes silent for a day only clutter the table; their jobs were recovered long ago
        jdbc.sql("DELETE FROM footage_nodes WHERE heartbeat_at < ?").param(now.minusDays(1)).update();
        jdbc.sql("INSERT INTO footage_nodes (node_id, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)")
                .params(nodeId, host, pid, now, now).update();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "footage-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = properties.heartbeat().toMillis();
        timer.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    public String id() {
        return nodeId;
    }

    private void beat() {
        try {
            jdbc.sql("UPDATE footage_nodes SET heartbeat_at = ? WHERE node_id = ?").params(now(), nodeId).update();
        } catch (RuntimeException e) {
            log.warn("heartbeat not recorded: {}", e.getMessage());
        }
    }

    /** Whether the node is alive: its heartbeat is within the lease, and (on this host) its process exists. */
    public boolean alive(String node) {
        if (nodeId.equals(node)) {
            return true;
        }
        Optional<Object[]> row = jdbc.sql("SELECT host, pid, heartbeat_at FROM footage_nodes WHERE node_id = ?").param(node)
                .query((rs, n) -> new Object[] {rs.getString("host"), rs.getLong("pid"), rs.getObject("heartbeat_at", OffsetDateTime.class)})
                .optional();
        if (row.isEmpty()) {
            return false;
        }
        if (host.equals(row.get()[0]) && ProcessHandle.of((Long) row.get()[1]).map(ProcessHandle::isAlive).orElse(false) == false) {
            return false; // same machine and the process is gone: no need to wait for the lease to run out
        }
        return ((OffsetDateTime) row.get()[2]).isAfter(now().minus(properties.lease()));
    }

    /**
     * Stops heartbeating. The row stays: its silence is what tells the others this process is gone, and closing
     * must not wait on a database that may itself be going away.
     */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
