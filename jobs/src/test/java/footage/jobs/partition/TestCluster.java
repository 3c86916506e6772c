package footage.jobs.partition;

import footage.jobs.FootageProcess;
import footage.jobs.TestDatabases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster test's world: a fresh PostgreSQL database, a broker queue of its own (deleted afterwards), one home folder
 * standing in for the storage every node mounts, and the node processes started, killed at the end.
 */
final class TestCluster implements AutoCloseable {

    final TestDatabases.Database db;
    final String queue;
    final Path home;
    private final Path logs;
    private final List<FootageProcess> processes = new ArrayList<>();

    /** Skips (or, under CI=true, fails) when there is no broker or database. */
    TestCluster(Path work) {
        TestBroker.require();
        db = TestDatabases.freshPostgres();
        queue = TestBroker.uniqueQueue();
        home = work.resolve("home");
        logs = work.resolve("logs");
    }

    /** {@code footage serve --role worker} on this cluster's queue. */
    FootageProcess worker(String name, List<String> extra) {
        List<String> options = new ArrayList<>(List.of("--server.port=0"));
        options.addAll(extra);
        return start(name, List.of("serve", "--role", "worker"), options);
    }

    /** A one-shot command as the manager, cutting 8 partitions, with extra options. */
    FootageProcess manager(String name, List<String> words, List<String> extra) {
        List<String> options = new ArrayList<>(List.of("--footage.role=manager", "--footage.partition.grid-size=8",
                "--footage.partition.poll-interval=500ms"));
        options.addAll(extra);
        return start(name, words, options);
    }

    private FootageProcess start(String name, List<String> words, List<String> options) {
        List<String> all = new ArrayList<>(List.of(TestBroker.options(queue)));
        all.addAll(options);
        FootageProcess p = FootageProcess.command(home, logs.resolve(name + ".log"), db, words, all.toArray(String[]::new));
        processes.add(p);
        return p;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    long single(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each row's columns joined by single spaces. */
    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(rs.getString(1));
                for (int i = 2; i <= columns; i++) {
                    row.append(' ').append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    @Override
    public void close() {
        processes.forEach(FootageProcess::close);
        TestBroker.deleteQueue(queue);
    }
}
