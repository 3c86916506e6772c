package footage.jobs.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Domain counters for Prometheus ({@code /actuator/prometheus}): files by outcome, bytes archived, findings by kind,
 * fixity failures, sweep moves. Counted when the change commits, so a rolled-back chunk is never counted.
 */
@Component
public class DomainMetrics {

    private final MeterRegistry registry;

    DomainMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
    }

    /** A file of a dump settled: status ARCHIVED, DAMAGED, DUPLICATE, QUARANTINED, MISSING, REJECTED, UNREADABLE or FAILED. */
    public void fileSettled(String status, long bytesArchived) {
        afterCommit(() -> {
            registry.counter("footage.files", "status", status).increment();
            if (bytesArchived > 0) {
                registry.counter("footage.archived.bytes").increment(bytesArchived);
            }
        });
    }

    public void findingRaised(String kind) {
        afterCommit(() -> registry.counter("footage.findings.raised", "kind", kind).increment());
    }

    public void fixityChecked(boolean ok) {
        afterCommit(() -> registry.counter("footage.fixity.checks", "result", ok ? "ok" : "failed").increment());
    }

    public void sweepMoved(long bytes) {
        afterCommit(() -> {
            registry.counter("footage.sweep.moved").increment();
            registry.counter("footage.sweep.moved.bytes").increment(bytes);
        });
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
