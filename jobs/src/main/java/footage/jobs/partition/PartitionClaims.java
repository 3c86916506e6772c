package footage.jobs.partition;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code partition_claims}: which node took which partition. Whoever inserts the row first owns the partition — a
 * worker to run it, or the manager to fail it because no worker took it — so a request delivered twice, or one the
 * manager gave up on, is never run by two processes.
 */
@Component
class PartitionClaims {

    /** A partition of a job execution that is not finished yet, and who took it (null: nobody yet). */
    record Open(long stepExecutionId, String partition, String status, String takenBy, String nodeId) {

        boolean takenByWorker() {
            return "worker".equals(takenBy);
        }
    }

    private static final String TAKEN = "taken";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    PartitionClaims(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactionManager);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes a partition for this worker when nobody took it and it still waits to start; otherwise says why not.
     * Empty = taken.
     */
    Optional<String> takeForWorker(long stepExecutionId, String stepName, String nodeId) {
        Optional<String> refused = own.execute(tx -> {
            Optional<Object[]> step = jdbc.sql("SELECT JOB_EXECUTION_ID, STEP_NAME FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?")
                    .param(stepExecutionId)
                    .query((rs, n) -> new Object[] {rs.getLong("JOB_EXECUTION_ID"), rs.getString("STEP_NAME")}).optional();
            if (step.isEmpty()) {
                return Optional.of("there is no step execution " + stepExecutionId + " in this job repository");
            }
            // the request names the step to run: it must be the one this partition was made for
            if (!((String) step.get()[1]).startsWith(stepName + ":")) {
                return Optional.of("it is a partition of " + step.get()[1] + ", not of " + stepName);
            }
            try {
                insert(stepExecutionId, (Long) step.get()[0], (String) step.get()[1], "worker", nodeId);
            } catch (DuplicateKeyException taken) {
                tx.setRollbackOnly();
                return Optional.of(TAKEN);
            }
            // read after the claim: the manager fails a partition only after claiming it itself, so from here on only
            // this worker changes it (a recovery of a dead manager's execution may have failed it before)
            String status = jdbc.sql("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?")
                    .param(stepExecutionId).query(String.class).single();
            if (!"STARTING".equals(status)) {
                tx.setRollbackOnly();
                return Optional.of("it is " + status + ", not waiting to start (a request of an earlier attempt)");
            }
            return Optional.<String>empty();
        });
        if (refused.isPresent() && refused.get().equals(TAKEN)) {
            return Optional.of("already taken (" + of(stepExecutionId).orElse("claim since removed") + ")");
        }
        return refused;
    }

    /** Claims a partition nobody took, so that the manager may fail it; false when a worker got there first. */
    boolean takeForManager(long stepExecutionId, long jobExecutionId, String partition, String nodeId) {
        return Boolean.TRUE.equals(own.execute(tx -> {
            try {
                insert(stepExecutionId, jobExecutionId, partition, "manager", nodeId);
                return true;
            } catch (DuplicateKeyException raced) {
                tx.setRollbackOnly();
                return false;
            }
        }));
    }

    private void insert(long stepExecutionId, long jobExecutionId, String partition, String takenBy, String nodeId) {
        jdbc.sql("INSERT INTO partition_claims (step_execution_id, job_execution_id, partition_name, taken_by, node_id, claimed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(stepExecutionId, jobExecutionId, partition, takenBy, nodeId, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    Optional<String> of(long stepExecutionId) {
        return jdbc.sql("SELECT taken_by, node_id FROM partition_claims WHERE step_execution_id = ?").param(stepExecutionId)
                .query((rs, n) -> rs.getString("taken_by") + " " + rs.getString("node_id")).optional();
    }

    /** The job execution's partitions of {@code workerStep} still starting, running or stopping. */
    List<Open> open(long jobExecutionId, String workerStep) {
        return jdbc.sql("SELECT s.STEP_EXECUTION_ID, s.STEP_NAME, s.STATUS, c.taken_by, c.node_id FROM BATCH_STEP_EXECUTION s "
                        + "LEFT JOIN partition_claims c ON c.step_execution_id = s.STEP_EXECUTION_ID "
                        + "WHERE s.JOB_EXECUTION_ID = ? AND s.STEP_NAME LIKE ? AND s.STATUS IN ('STARTING', 'STARTED', 'STOPPING') "
                        + "ORDER BY s.STEP_EXECUTION_ID")
                .params(jobExecutionId, workerStep + ":%")
                .query((rs, n) -> new Open(rs.getLong("STEP_EXECUTION_ID"), rs.getString("STEP_NAME"), rs.getString("STATUS"),
                        rs.getString("taken_by"), rs.getString("node_id")))
                .list();
    }
}
