package footage.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Plain JDBC queries on a test's catalog database (what the processes under test wrote), one connection per query. */
public final class TestCatalog {

    private final TestDatabases.Database db;

    public TestCatalog(TestDatabases.Database db) {
        this.db = db;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    public List<String> strings(String sql, Object... params) {
        return rows(sql, params).stream().map(r -> r[0] == null ? null : r[0].toString()).toList();
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0)[0]).longValue();
    }

    public List<Object[]> rows(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void execute(String sql) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Status of a job execution, or null when there is none with that id. */
    public String executionStatus(long id) {
        List<String> s = strings("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", id);
        return s.isEmpty() ? null : s.get(0);
    }

    /** Ids of the executions of one job instance, oldest first. */
    public List<Long> executionsOfInstanceOf(long executionId) {
        return rows("SELECT e.job_execution_id FROM batch_job_execution e WHERE e.job_instance_id = "
                + "(SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?) ORDER BY e.job_execution_id",
                executionId).stream().map(r -> ((Number) r[0]).longValue()).toList();
    }

    /** Polls until the condition holds; fails naming what it waited for (and {@code detail}) when time runs out. */
    public static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> detail) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "\n" + detail.get());
            }
            FootageProcess.sleep(100);
        }
    }
}
