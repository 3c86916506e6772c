package footage.jobs.runs;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the job repository says about past and running executions: reads only, so the commands that show it start
 * without the jobs ({@link JobHistoryContext}).
 */
@Component
public class JobHistory {

    /**
     * Every job of the application, the console's {@code requestExportJob} among them; a test holds it to the
     * application's job beans, so a new job cannot be left out.
     */
    public static final List<String> JOB_NAMES = List.of("fixityAuditJob", "ingestJob", "reportJob", "requestExportJob",
            "retentionSweepJob", "supervisionReportJob", "transcodeJob");

    private final JobRepository repository;
    private final JdbcClient jdbc;

    JobHistory(JobRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = repository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException none) {
            execution = null; // Spring Batch 6.0's JDBC repository throws where it used to return null
        }
        if (execution == null) {
            throw new JobRunRefused("no job execution " + executionId);
        }
        return execution;
    }

    public record ExecutionRow(long id, String job, String status, LocalDateTime start, LocalDateTime end,
                               String exitCode, String exitMessage) {
    }

    /** Newest first, optionally only one status and/or one job. */
    public List<ExecutionRow> recent(int limit, String status, String job) {
        StringBuilder sql = new StringBuilder("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, "
                + "e.EXIT_CODE, e.EXIT_MESSAGE FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND e.STATUS = ?");
            params.add(status);
        }
        if (job != null) {
            sql.append(" AND i.JOB_NAME = ?");
            params.add(job);
        }
        sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new ExecutionRow(rs.getLong("JOB_EXECUTION_ID"), rs.getString("JOB_NAME"),
                        rs.getString("STATUS"), rs.getObject("START_TIME", LocalDateTime.class),
                        rs.getObject("END_TIME", LocalDateTime.class), rs.getString("EXIT_CODE"),
                        rs.getString("EXIT_MESSAGE")))
                .list();
    }
}
