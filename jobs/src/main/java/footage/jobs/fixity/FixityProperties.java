package footage.jobs.fixity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code footage.fixity.*}.
 *
 * @param maxAge  the fixity audit re-hashes objects not checked for this long ({@code 30d}); 0 re-hashes all of them
 * @param threads threads re-hashing in parallel in {@code verify --full}; 0 = one per core, at most 4
 */
@ConfigurationProperties("footage.fixity")
public record FixityProperties(@DefaultValue("0s") Duration maxAge, @DefaultValue("0") int threads) {

    public FixityProperties {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("footage.fixity.max-age must not be negative: " + maxAge);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("footage.fixity.threads must not be negative: " + threads);
        }
    }

    public int hashingThreads() {
        return threads > 0 ? threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}
