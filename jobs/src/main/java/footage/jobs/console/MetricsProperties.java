package footage.jobs.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code footage.metrics.*}.
 *
 * @param token what a scraper sends as {@code Authorization: Bearer <token>} for {@code /actuator/prometheus}
 *              ({@code FOOTAGE_METRICS_TOKEN}); none = the endpoint answers no one. A token of its own, not a person's
 *              account: a scraper neither trips the login throttle nor stops when someone's password changes.
 */
@ConfigurationProperties("footage.metrics")
record MetricsProperties(String token) {

    static final int MIN_TOKEN = 24;

    MetricsProperties {
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token != null && token.length() < MIN_TOKEN) {
            throw new IllegalArgumentException("footage.metrics.token must have at least " + MIN_TOKEN + " characters");
        }
    }

    @Override
    public String toString() {
        return "MetricsProperties[token=" + (token == null ? "none" : "***") + "]";
    }
}
