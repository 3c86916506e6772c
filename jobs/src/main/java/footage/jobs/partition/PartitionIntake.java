package footage.jobs.partition;

import footage.jobs.runs.Nodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.integration.acks.AcknowledgmentCallback;
import org.springframework.integration.core.MessageSelector;
import org.springframework.messaging.Message;
import org.springframework.util.ErrorHandler;

import java.util.Optional;

/**
 * A worker's door for partition requests. A request is acknowledged to the broker as soon as the worker has claimed
 * its partition in the job repository, before it runs: from then on the job repository, not the broker, knows where
 * the partition is. So a worker killed mid-partition does not hand the request to another worker behind the
 * manager's back (the manager fails the partition and a restart runs it again), and a partition that runs for hours
 * never meets the broker's limit on unacknowledged deliveries. A request that cannot be claimed because the job
 * repository is unreachable goes back to the queue.
 */
class PartitionIntake implements MessageSelector, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionIntake.class);
    private static final long QUIET_NANOS = 60_000_000_000L;

    private final PartitionClaims claims;
    private final Nodes nodes;
    private final RunningPartitions running;
    private volatile long lastWarned;

    PartitionIntake(PartitionClaims claims, Nodes nodes, RunningPartitions running) {
        this.claims = claims;
        this.nodes = nodes;
        this.running = running;
    }

    @Override
    public boolean accept(Message<?> message) {
        lastWarned = 0;
        AcknowledgmentCallback ack = StaticMessageHeaderAccessor.getAcknowledgmentCallback(message);
        if (ack != null) {
            ack.noAutoAck();
        }
        if (running.closing()) {
            settle(ack, AcknowledgmentCallback.Status.REQUEUE);
            return false;
        }
        PartitionRequest request;
        try {
            request = PartitionRequest.parse(message.getPayload());
        } catch (IllegalArgumentException e) {
            log.warn("worker: dropped a message that is not a partition request: {}", e.getMessage());
            settle(ack, AcknowledgmentCallback.Status.REJECT);
            return false;
        }
        Optional<String> refused;
        try {
            refused = claims.takeForWorker(request.stepExecutionId(), request.stepName(), nodes.id());
        } catch (DataAccessException e) {
            log.warn("worker: request for step execution {} put back on the queue: the job repository is unreachable ({})",
                    request.stepExecutionId(), e.getMessage());
            settle(ack, AcknowledgmentCallback.Status.REQUEUE);
            return false;
        }
        settle(ack, AcknowledgmentCallback.Status.ACCEPT);
        if (refused.isPresent()) {
            log.info("worker: request for step execution {} dropped: {}", request.stepExecutionId(), refused.get());
            return false;
        }
        log.info("worker: took step execution {} ({})", request.stepExecutionId(), request.stepName());
        return true;
    }

    private static void settle(AcknowledgmentCallback ack, AcknowledgmentCallback.Status status) {
        if (ack != null && !ack.isAcknowledged()) {
            ack.acknowledge(status);
        }
    }

    /**
     * A poll failed, mostly because the broker is down (the poller tries again every footage.partition.worker-poll):
     * one warning a minute, not one a poll.
     */
    @Override
    public void handleError(Throwable t) {
        long now = System.nanoTime();
        if (lastWarned == 0 || now - lastWarned > QUIET_NANOS) {
            lastWarned = now;
            log.warn("worker: taking partition requests failed (retrying): {}", rootMessage(t));
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }
}
