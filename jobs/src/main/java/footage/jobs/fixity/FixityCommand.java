package footage.jobs.fixity;

import footage.jobs.CatalogContext;
import java.util.List;
import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import footage.jobs.runs.JobRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/**
 * {@code footage fixity [--resume]}: one fixity audit. {@code --resume} continues the newest audit that did not
 * finish (killed, failed or stopped) as the same job instance, so the objects it checked are not checked again.
 * Exit 0 when every object checked is intact, 1 when one is not or the job failed.
 */
@Command(name = "fixity", description = "fixity audit of the archive (footage.fixity.max-age); --resume continues an unfinished one")
public class FixityCommand implements FootageCommand {

    private static final String JOB = FixityAuditJobConfiguration.JOB_NAME;

    @Autowired
    private JobRuns runs;

    @Autowired
    private JobRepository repository;

    @Autowired
    private JdbcClient jdbc;

    @Option(names = "--resume", description = "continue the unfinished audit")
    private boolean resume;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class, FixityContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        JobExecution unfinished = unfinished();
        JobExecution execution;
        if (resume) {
            if (unfinished == null) {
                throw new UsageException("no unfinished fixity audit to resume");
            }
            out.println("fixity: resuming audit " + unfinished.getJobInstanceId() + " (execution " + unfinished.getId()
                    + ", " + unfinished.getStatus() + ")");
            execution = resume(unfinished);
        } else {
            if (unfinished != null) {
                out.println("fixity: audit " + unfinished.getJobInstanceId() + " did not finish (" + unfinished.getStatus()
                        + "); 'footage fixity --resume' continues it. Starting a new audit.");
            }
            execution = runs.run(JOB);
        }
        long audit = execution.getJobInstanceId();
        long ok = count(audit, "OK");
        long failed = count(audit, "FAILED");
        out.printf("fixity: %s (audit %d, execution %d): %d object(s) re-hashed by this audit, %d OK, %d FAILED%n",
                execution.getStatus(), audit, execution.getId(), ok + failed, ok, failed);
        String report = execution.getExecutionContext().containsKey(FixityReportTasklet.REPORT_KEY)
                ? execution.getExecutionContext().getString(FixityReportTasklet.REPORT_KEY) : null;
        if (report != null) {
            out.println("fixity: report " + report);
        }
        execution.getAllFailureExceptions().forEach(t -> out.println("fixity: failure: " + t));
        return execution.getStatus() == BatchStatus.COMPLETED && failed == 0 ? 0 : 1;
    }

    /** The newest audit's last execution when it did not complete; null when there is none to resume. */
    private JobExecution unfinished() {
        JobInstance last = repository.getLastJobInstance(JOB);
        if (last == null) {
            return null;
        }
        JobExecution execution = repository.getLastJobExecution(last);
        if (execution == null || execution.getStatus() == BatchStatus.COMPLETED
                || execution.getStatus() == BatchStatus.ABANDONED) {
            return null;
        }
        return execution;
    }

    private JobExecution resume(JobExecution unfinished) {
        // JobRuns recovers an execution left STARTED by a killed process and serialises restarts across processes
        return runs.restart(unfinished.getId());
    }

    private long count(long audit, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM recordings WHERE fixity_audit = ? AND fixity_status = ?")
                .params(audit, status).query(Long.class).single();
    }
}
