package footage.jobs.runs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code footage.operations.*}.
 *
 * @param heartbeat      how often a process records that it is alive
 * @param lease          a process silent for longer is dead: its running jobs may be recovered
 * @param restartRecovered restart executions recovered at start-up ({@code serve} only; one-shot commands leave them)
 * @param shutdownGrace  how long a stopping process waits for its jobs to reach a chunk boundary
 */
@ConfigurationProperties("footage.operations")
public record OperationsProperties(@DefaultValue("5s") Duration heartbeat, @DefaultValue("30s") Duration lease,
                                   @DefaultValue("true") boolean restartRecovered, @DefaultValue("60s") Duration shutdownGrace) {

    public OperationsProperties {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("footage.operations.heartbeat must be positive: " + heartbeat);
        }
        if (lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("footage.operations.lease (" + lease
                    + ") must be at least twice footage.operations.heartbeat (" + heartbeat + ")");
        }
    }
}
