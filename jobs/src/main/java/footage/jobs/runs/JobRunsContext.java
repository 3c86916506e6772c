package footage.jobs.runs;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Added to a catalog context by a command that runs a job: Batch's JDBC job repository and job operator, made by the
 * same auto-configuration as in the whole application (so the repository's settings cannot drift apart), and
 * {@link JobRuns} with its cross-process claims and its recovery at start of the executions a dead process left
 * running. The job itself comes from the command's own context.
 */
@ImportAutoConfiguration(BatchJdbcAutoConfiguration.class)
@Import({JobRuns.class, JobHistory.class, JobClaims.class, Nodes.class})
@EnableConfigurationProperties(OperationsProperties.class)
public class JobRunsContext {
}
