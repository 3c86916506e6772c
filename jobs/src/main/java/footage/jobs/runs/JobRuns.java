package footage.jobs.runs;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way jobs are started in this process. Launches are serialised: Spring Batch 6.0.x can run a step twice
 * when two launches of one instance race (upstream issue 5397).
 */
@Service
public class JobRuns {

    private final JobOperator operator;
    private final Map<String, Job> jobs;
    private final JdbcClient jdbc;
    private final ReentrantLock launches = new ReentrantLock();

    JobRuns(JobOperator operator, Map<String, Job> jobs, JdbcClient jdbc) {
        this.operator = operator;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    /** Starts a new instance of the job and waits for it to end. */
    public JobExecution run(String jobName) {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new IllegalArgumentException("no job named " + jobName + "; jobs: " + jobs.keySet());
        }
        launches.lock();
        try {
            return operator.start(job, new JobParametersBuilder()
                    .addLong("run.at", System.currentTimeMillis())
                    .toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("could not start " + jobName + ": " + e.getMessage(), e);
        } finally {
            launches.unlock();
        }
    }

    public record ExecutionRow(long id, String job, String status, LocalDateTime start, LocalDateTime end,
                               String exitCode, String exitMessage) {
    }

    public List<ExecutionRow> recent(int limit) {
        return jdbc.sql("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_CODE, e.EXIT_MESSAGE "
                        + "FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
                        + "ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new ExecutionRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class), rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
