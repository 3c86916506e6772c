package footage.jobs.runs;

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
import java.util.function.Consumer;

/**
 * At most one running execution per job across every process sharing the database: a launch or restart first
 * claims the job's row (under a row lock, in its own transaction). A claim left by a dead process is taken over
 * after the dead process's executions are recovered.
 */
@Component
class JobClaims {

    record Claim(String jobName, String nodeId, OffsetDateTime claimedAt) {
    }

    private final JdbcClient jdbc;
    private final Nodes nodes;
    private final TransactionTemplate own;

    JobClaims(JdbcClient jdbc, Nodes nodes, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.own = new TransactionTemplate(transactionManager);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Claims the job for this node or refuses; {@code recoverDead} is called (inside the lock) for a claim whose
     * owner is dead, before it is taken over.
     */
    void claim(String jobName, Consumer<String> recoverDead) {
        try {
            own.executeWithoutResult(tx -> {
                Optional<Claim> held = jdbc.sql("SELECT job_name, node_id, claimed_at FROM job_claims WHERE job_name = ? FOR UPDATE")
                        .param(jobName)
                        .query((rs, n) -> new Claim(rs.getString("job_name"), rs.getString("node_id"), rs.getObject("claimed_at", OffsetDateTime.class)))
                        .optional();
                if (held.isPresent()) {
                    if (nodes.alive(held.get().nodeId())) {
                        throw new JobRunRefused("another " + jobName + " is running (" + running(jobName)
                                .map(e -> "execution " + e + ", ").orElse("") + "since " + held.get().claimedAt()
                                + ", on " + held.get().nodeId() + "): wait for it, or stop it first");
                    }
                    recoverDead.accept(jobName);
                    jdbc.sql("DELETE FROM job_claims WHERE job_name = ?").param(jobName).update();
                }
                jdbc.sql("INSERT INTO job_claims (job_name, node_id, claimed_at) VALUES (?, ?, ?)")
                        .params(jobName, nodes.id(), OffsetDateTime.now(ZoneOffset.UTC)).update();
            });
        } catch (DuplicateKeyException raced) {
            throw new JobRunRefused(jobName + " is already being started by another process");
        }
    }

    /** The execution of that job that runs now, as the job repository knows it. */
    private Optional<Long> running(String jobName) {
        return jdbc.sql("SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                        + "ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? AND e.STATUS IN ('STARTING', 'STARTED')")
                .param(jobName).query(Long.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    void release(String jobName) {
        own.executeWithoutResult(tx -> jdbc.sql("DELETE FROM job_claims WHERE job_name = ? AND node_id = ?")
                .params(jobName, nodes.id()).update());
    }

    Optional<Claim> of(String jobName) {
        return jdbc.sql("SELECT job_name, node_id, claimed_at FROM job_claims WHERE job_name = ?").param(jobName)
                .query((rs, n) -> new Claim(rs.getString("job_name"), rs.getString("node_id"), rs.getObject("claimed_at", OffsetDateTime.class)))
                .optional();
    }

    List<String> mine() {
        return jdbc.sql("SELECT job_name FROM job_claims WHERE node_id = ?").param(nodes.id()).query(String.class).list();
    }

    boolean ownerAlive(String jobName) {
        return of(jobName).map(c -> nodes.alive(c.nodeId())).orElse(false);
    }
}
