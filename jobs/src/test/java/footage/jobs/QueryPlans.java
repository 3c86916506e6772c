package footage.jobs;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans of the application's own queries on a real PostgreSQL catalog (issue 21): a data source that records every
 * statement the code under test runs, with its bound parameters, so a test EXPLAINs the very SQL and values the
 * application sent rather than a copy of them.
 */
public final class QueryPlans {

    /** One statement as run: its SQL and the parameter setter calls, replayed on the EXPLAIN. */
    public record Run(String sql, List<Setter> setters) {
    }

    public record Setter(Method method, Object[] args) {
    }

    private final DataSource database;
    private final List<Run> runs = new ArrayList<>();

    private QueryPlans(DataSource database) {
        this.database = database;
    }

    /** A fresh PostgreSQL database (TestDatabases) migrated by the application's Flyway locations, postgres vendor. */
    public static QueryPlans onFreshCatalog() {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        return new QueryPlans(ds);
    }

    /** The database itself, for a test's given rows. */
    public DataSource database() {
        return database;
    }

    /**
     * A small catalog that every query of the plan tests finds rows in: device BWC-0001 of officer P00001 docked once
     * (dump 1) with three recordings on 2024-03-01 07:00-09:00, a finding on the second, ledger entries for all of
     * them; and 2,000 recordings of 50 other devices earlier that day.
     */
    public QueryPlans givenSmallCatalog() {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO dumps (id, folder, fingerprint, device_id, officer_id, docked_at, has_manifest, status, "
                    + "registered_at) VALUES (1, 'BWC-0001_20240301', 'f1', 'BWC-0001', 'P00001', "
                    + "TIMESTAMPTZ '2024-03-01 20:00:00+00', TRUE, 'DONE', TIMESTAMPTZ '2024-03-01 20:05:00+00')");
            for (int i = 1; i <= 3; i++) {
                s.execute("INSERT INTO recordings (id, sha256, size_bytes, archive_path, original_path, file_name, dump_id, "
                        + "device_id, officer_id, device_start, device_start_source, corrected_start, duration_seconds, "
                        + "media_seconds, important, status, ingested_at) VALUES (" + i + ", 'sha" + i + "', 100, 'objects/" + i
                        + "', 'DCIM/R" + i + ".MP4', 'R" + i + ".MP4', 1, 'BWC-0001', 'P00001', TIMESTAMP '2024-03-01 0" + (6 + i)
                        + ":00:00', 'FILE_NAME', TIMESTAMPTZ '2024-03-01 0" + (6 + i) + ":00:00+00', 600, 600, FALSE, 'ARCHIVED', "
                        + "TIMESTAMPTZ '2024-03-01 20:10:00+00')");
                s.execute("INSERT INTO ledger (seq, entry_time, entry_type, subject, actor, payload, prev_hash, hash) VALUES ("
                        + i + ", TIMESTAMPTZ '2024-03-01 20:10:00+00', 'RECORDING_ARCHIVED', 'recording:" + i
                        + "', 'test', '{}', 'p" + i + "', 'h" + i + "')");
            }
            s.execute("INSERT INTO findings (id, kind, dump_id, recording_id, device_id, start_at, end_at, seconds, recordings, "
                    + "detail, raised_at) VALUES ('dmg-2', 'DAMAGED', 1, 2, 'BWC-0001', TIMESTAMPTZ '2024-03-01 08:00:00+00', "
                    + "TIMESTAMPTZ '2024-03-01 08:10:00+00', 600, '[\"R2.MP4\"]', 'truncated', TIMESTAMPTZ '2024-03-01 20:10:00+00')");
            s.execute("INSERT INTO ledger (seq, entry_time, entry_type, subject, actor, payload, prev_hash, hash) VALUES (4, "
                    + "TIMESTAMPTZ '2024-03-01 20:11:00+00', 'FINDING_RAISED', 'finding:dmg-2', 'test', '{}', 'h3', 'h4')");
            // around it, 50 other devices (and officers) with 40 recordings each that same night, before 07:00: one
            // device or officer is a small part of the day, as at a bureau's scale, so the planner weighs the indexes
            // as it would there
            s.execute("INSERT INTO dumps (id, folder, fingerprint, device_id, officer_id, docked_at, has_manifest, status, "
                    + "registered_at) SELECT 100 + d, 'OTHER_' || d, 'f', 'OTHER-' || d, 'Q' || d, "
                    + "TIMESTAMPTZ '2023-12-31 20:00:00+00', TRUE, 'DONE', TIMESTAMPTZ '2023-12-31 20:00:00+00' "
                    + "FROM generate_series(1, 50) d");
            s.execute("INSERT INTO recordings (id, sha256, size_bytes, archive_path, original_path, file_name, dump_id, "
                    + "device_id, officer_id, corrected_start, duration_seconds, media_seconds, important, status, ingested_at) "
                    + "SELECT 1000 + i, 'other' || i, 100, 'objects/o' || i, 'DCIM/O' || i, 'O' || i, 101 + i % 50, "
                    + "'OTHER-' || (1 + i % 50), 'Q' || (1 + i % 50), TIMESTAMPTZ '2024-03-01 00:00:00+00' + i * INTERVAL '12 seconds', "
                    + "600, 600, FALSE, 'ARCHIVED', TIMESTAMPTZ '2023-12-31 20:00:00+00' FROM generate_series(0, 1999) i");
            s.execute("INSERT INTO findings (id, kind, dump_id, recording_id, device_id, start_at, end_at, seconds, detail, "
                    + "raised_at) SELECT 'other-' || i, 'DAMAGED', 101 + i % 50, 1000 + i, 'OTHER-' || (1 + i % 50), "
                    + "TIMESTAMPTZ '2024-03-01 00:00:00+00' + i * INTERVAL '12 seconds', NULL, NULL, 'truncated', "
                    + "TIMESTAMPTZ '2023-12-31 20:00:00+00' FROM generate_series(0, 1999, 10) i");
            s.execute("INSERT INTO ledger (seq, entry_time, entry_type, subject, actor, payload, prev_hash, hash) "
                    + "SELECT 1000 + i, TIMESTAMPTZ '2023-12-31 20:00:00+00', 'RECORDING_ARCHIVED', 'recording:' || (1000 + i), "
                    + "'test', '{}', 'p', 'h' FROM generate_series(0, 1999) i");
            s.execute("ANALYZE");
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database through a recorder: what the code under test runs on it is kept in {@link #runs()}. */
    public DataSource recording() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, database, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    public void forget() {
        runs.clear();
    }

    /** The statements run since {@link #forget()} whose SQL contains this text. */
    public List<Run> containing(String text) {
        return runs.stream().filter(r -> r.sql().contains(text)).toList();
    }

    /**
     * The plan of a recorded statement, with sequential scans priced out ({@code enable_seqscan = off}), so the plan
     * of a few rows shows the index the planner uses at a million: a seq scan only remains where no index serves.
     */
    public String plan(Run run) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + run.sql())) {
                for (Setter setter : run.setters()) {
                    setter.method().invoke(ps, setter.args());
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        } catch (SQLException | ReflectiveOperationException e) {
            throw new IllegalStateException("EXPLAIN of " + run.sql() + " failed", e);
        }
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (result instanceof PreparedStatement ps && args != null && args[0] instanceof String sql) {
                        return prepared(ps, sql);
                    }
                    if (result instanceof Statement st && !(result instanceof PreparedStatement)) {
                        return plain(st);
                    }
                    return result;
                });
    }

    private PreparedStatement prepared(PreparedStatement real, String sql) {
        Run run = new Run(sql, new ArrayList<>());
        runs.add(run);
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length >= 2
                            && args[0] instanceof Integer) {
                        run.setters().add(new Setter(method, args.clone()));
                    }
                    return invoke(method, real, args);
                });
    }

    private Statement plain(Statement real) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
                        runs.add(new Run(sql, List.of()));
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
