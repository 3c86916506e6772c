package footage.jobs.console;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Read-only queries over Spring Batch's tables for lists and counts, one SQL statement each (pages of thousands of runs). */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExecutionQueries {

    static final List<String> RUNNING = List.of("STARTING", "STARTED", "STOPPING");

    /** Filters of the executions list; null = any. {@code from}/{@code to} bound the creation time (inclusive/exclusive). */
    record Filter(String job, String status, LocalDateTime from, LocalDateTime to, boolean failedFirst) {
    }

    /** {@code latest}: the newest execution of the same instance (this one, or the restart that followed it). */
    record Row(long id, String job, long instanceId, String status, LocalDateTime created, LocalDateTime start,
               LocalDateTime end, String exitCode, long latest) {

        public boolean running() {
            return RUNNING.contains(status);
        }

        public boolean restarted() {
            return latest != id;
        }
    }

    record Page(List<Row> rows, int page, int pages, long total) {
    }

    private static final String SELECT = "SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, i.JOB_INSTANCE_ID, e.STATUS, e.CREATE_TIME, "
            + "e.START_TIME, e.END_TIME, e.EXIT_CODE, (SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x "
            + "WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID) AS LAST_EXECUTION_ID FROM BATCH_JOB_EXECUTION e "
            + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID";

    private final JdbcClient jdbc;

    ExecutionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page (from 1) of the filtered executions, newest first, failed ones first when asked. */
    Page page(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int p = Math.min(Math.max(1, page), pages);
        String order = filter.failedFirst()
                ? " ORDER BY CASE WHEN e.STATUS = 'FAILED' THEN 0 ELSE 1 END, e.JOB_EXECUTION_ID DESC"
                : " ORDER BY e.JOB_EXECUTION_ID DESC";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) (p - 1) * size);
        List<Row> rows = jdbc.sql(SELECT + where + order + " LIMIT ? OFFSET ?").params(pageParams).query(this::row).list();
        return new Page(rows, p, pages, total);
    }

    /** The newest execution of each job that has run, by job name. */
    List<Row> lastOfEachJob() {
        return jdbc.sql(SELECT + " WHERE e.JOB_EXECUTION_ID IN (SELECT MAX(e2.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e2 "
                + "JOIN BATCH_JOB_INSTANCE i2 ON i2.JOB_INSTANCE_ID = e2.JOB_INSTANCE_ID GROUP BY i2.JOB_NAME) ORDER BY i.JOB_NAME")
                .query(this::row).list();
    }

    /** Every execution of one job instance (a run and its restarts), oldest first. */
    List<Row> ofInstance(long instanceId) {
        return jdbc.sql(SELECT + " WHERE e.JOB_INSTANCE_ID = ? ORDER BY e.JOB_EXECUTION_ID").param(instanceId).query(this::row).list();
    }

    long failedSince(LocalDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED' AND CREATE_TIME >= ?")
                .param(since).query(Long.class).single();
    }

    boolean anyRunning() {
        return jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED', 'STOPPING')")
                .query(Long.class).single() > 0;
    }

    List<String> jobNames() {
        return jdbc.sql("SELECT DISTINCT JOB_NAME FROM BATCH_JOB_INSTANCE ORDER BY JOB_NAME").query(String.class).list();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (f.job() != null) {
            w.append(" AND i.JOB_NAME = ?");
            params.add(f.job());
        }
        if (f.status() != null) {
            w.append(" AND e.STATUS = ?");
            params.add(f.status());
        }
        if (f.from() != null) {
            w.append(" AND e.CREATE_TIME >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            w.append(" AND e.CREATE_TIME < ?");
            params.add(f.to());
        }
        return w.toString();
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("JOB_EXECUTION_ID"), rs.getString("JOB_NAME"), rs.getLong("JOB_INSTANCE_ID"),
                rs.getString("STATUS"), rs.getObject("CREATE_TIME", LocalDateTime.class),
                rs.getObject("START_TIME", LocalDateTime.class), rs.getObject("END_TIME", LocalDateTime.class),
                rs.getString("EXIT_CODE"), rs.getLong("LAST_EXECUTION_ID"));
    }
}
