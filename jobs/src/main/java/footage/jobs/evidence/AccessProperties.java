package footage.jobs.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code footage.access.*}.
 *
 * @param maxWindow the longest period an access request may ask for (from its first day to the end of its last)
 */
@ConfigurationProperties("footage.access")
record AccessProperties(@DefaultValue("90d") Duration maxWindow) {

    AccessProperties {
        if (maxWindow.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("footage.access.max-window must be at least one day: " + maxWindow);
        }
    }
}
