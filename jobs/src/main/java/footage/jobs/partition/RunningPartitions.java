package footage.jobs.partition;

import footage.jobs.runs.OperationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions this worker runs. On SIGTERM the worker takes no new partition and stops the running ones at their
 * next chunk boundary (they end STOPPED, the manager's step and job too, and a restart goes on from there), waiting at
 * most {@code footage.operations.shutdown-grace}. A worker killed outright is the manager's watchdog's business.
 */
class RunningPartitions implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunningPartitions.class);

    private final OperationsProperties operations;
    private final PartitionTimes times;
    // by id: a StepExecution's hash code changes while it runs
    private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private volatile long startedNanos;

    RunningPartitions(OperationsProperties operations, PartitionTimes times) {
        this.operations = operations;
        this.times = times;
    }

    boolean closing() {
        return closing;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        times.reset();
        startedNanos = System.nanoTime();
        running.put(stepExecution.getId(), stepExecution);
        log.info("worker: running {} of job execution {}", stepExecution.getStepName(), stepExecution.getJobExecutionId());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        running.remove(stepExecution.getId());
        log.info("worker: {} of job execution {} ended {}: {}", stepExecution.getStepName(),
                stepExecution.getJobExecutionId(), stepExecution.getStatus(), times.summary(System.nanoTime() - startedNanos));
        synchronized (running) {
            running.notifyAll();
        }
        return null;
    }

    @EventListener(ContextClosedEvent.class)
    void stopRunning() {
        closing = true;
        if (running.isEmpty()) {
            return;
        }
        running.values().forEach(s -> {
            log.warn("shutting down: stopping {} at its next chunk boundary", s.getStepName());
            s.setTerminateOnly();
        });
        long deadline = System.nanoTime() + operations.shutdownGrace().toNanos();
        synchronized (running) {
            while (!running.isEmpty() && System.nanoTime() < deadline) {
                try {
                    running.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!running.isEmpty()) {
            log.warn("shutting down with {} partition(s) still running after {}; the manager will fail them",
                    running.size(), operations.shutdownGrace());
        }
    }
}
