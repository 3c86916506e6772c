package footage.jobs.partition;

import footage.jobs.runs.Nodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The manager's eye on the partitions while its partitioned step waits for them (that wait only reads the job
 * repository, and would wait for a dead worker's partition until the step's timeout). A partition whose worker
 * stopped heartbeating is marked FAILED at once; partitions nobody takes for {@code pickup-timeout} while no worker
 * works on any are failed too. Either way the step ends FAILED and a restart re-runs exactly the unfinished
 * partitions. When the step ends, a partition no worker took (the broker failed mid-way, say) is failed as well, so
 * that a restart is not refused for a partition that looks as if it were still starting.
 */
class PartitionWatchdog implements StepExecutionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionWatchdog.class);

    private final PartitionClaims claims;
    private final Nodes nodes;
    private final JobRepository repository;
    private final PartitionProperties properties;
    private final String workerStep;
    private final ScheduledExecutorService timer;
    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();

    PartitionWatchdog(PartitionClaims claims, Nodes nodes, JobRepository repository, PartitionProperties properties,
                      String workerStep) {
        this.claims = claims;
        this.nodes = nodes;
        this.repository = repository;
        this.properties = properties;
        this.workerStep = workerStep;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "footage-partition-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    private static final class Watch {
        final long jobExecutionId;
        ScheduledFuture<?> future;
        long idleSinceNanos = -1;

        Watch(long jobExecutionId) {
            this.jobExecutionId = jobExecutionId;
        }
    }

    @Override
    public void beforeStep(StepExecution managerStep) {
        Watch watch = new Watch(managerStep.getJobExecutionId());
        long every = properties.pollInterval().toMillis();
        watch.future = timer.scheduleWithFixedDelay(() -> check(watch), every, every, TimeUnit.MILLISECONDS);
        watches.put(managerStep.getId(), watch);
    }

    @Override
    public ExitStatus afterStep(StepExecution managerStep) {
        Watch watch = watches.remove(managerStep.getId());
        if (watch != null) {
            watch.future.cancel(false);
        }
        try {
            for (PartitionClaims.Open p : claims.open(managerStep.getJobExecutionId(), workerStep)) {
                if (p.takenBy() == null) {
                    failUntaken(managerStep.getJobExecutionId(), p, "no worker took it before the step ended ("
                            + managerStep.getStatus() + ")");
                } else if (p.takenByWorker() && !nodes.alive(p.nodeId())) {
                    fail(p, deadWorker(p));
                } else if (p.takenByWorker()) {
                    log.warn("partition {} still runs on worker {} although the step ended {}; a restart waits for it",
                            p.partition(), p.nodeId(), managerStep.getStatus());
                }
            }
        } catch (DataAccessException e) {
            log.warn("could not check the partitions of execution {}: {}", managerStep.getJobExecutionId(), e.getMessage());
        }
        return null;
    }

    private void check(Watch watch) {
        try {
            List<PartitionClaims.Open> open = claims.open(watch.jobExecutionId, workerStep);
            boolean working = false;
            for (PartitionClaims.Open p : open) {
                if (p.takenByWorker()) {
                    if (nodes.alive(p.nodeId())) {
                        working = true;
                    } else {
                        fail(p, deadWorker(p));
                    }
                }
            }
            List<PartitionClaims.Open> waiting = open.stream().filter(p -> p.takenBy() == null).toList();
            if (waiting.isEmpty() || working) {
                watch.idleSinceNanos = -1;
                return;
            }
            if (watch.idleSinceNanos < 0) {
                watch.idleSinceNanos = System.nanoTime();
            } else if (Duration.ofNanos(System.nanoTime() - watch.idleSinceNanos).compareTo(properties.pickupTimeout()) > 0) {
                for (PartitionClaims.Open p : waiting) {
                    failUntaken(watch.jobExecutionId, p, "no worker took it within footage.partition.pickup-timeout ("
                            + properties.pickupTimeout() + "): are the workers running and connected to the broker (queue "
                            + properties.queue() + ")?");
                }
            }
        } catch (RuntimeException e) {
            // the next round tries again; the step's own timeout is the backstop
            log.warn("partition check of execution {} failed: {}", watch.jobExecutionId, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static String deadWorker(PartitionClaims.Open p) {
        return "worker " + p.nodeId() + " stopped (its process is gone or it stopped heartbeating) while it ran this partition";
    }

    private void failUntaken(long jobExecutionId, PartitionClaims.Open p, String reason) {
        if (claims.takeForManager(p.stepExecutionId(), jobExecutionId, p.partition(), nodes.id())) {
            fail(p, reason);
        }
    }

    private void fail(PartitionClaims.Open p, String reason) {
        StepExecution partition = repository.getStepExecution(p.stepExecutionId());
        if (partition == null || !partition.getStatus().isRunning()) {
            return;
        }
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        partition.setEndTime(LocalDateTime.now());
        try {
            repository.update(partition);
            log.warn("partition {} marked FAILED: {}", p.partition(), reason);
        } catch (OptimisticLockingFailureException moved) {
            log.info("partition {} changed while being marked FAILED (its worker is alive after all?); checked again next round",
                    p.partition());
        }
    }
}
