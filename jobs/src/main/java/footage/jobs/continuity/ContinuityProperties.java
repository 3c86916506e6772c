package footage.jobs.continuity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code footage.continuity.*}: the thresholds of DESIGN §6, validated at start-up by {@link footage.pipeline.continuity.ContinuityRules}. */
@ConfigurationProperties("footage.continuity")
public record ContinuityProperties(@DefaultValue("2s") Duration tolerance, @DefaultValue("30m") Duration sessionBreak,
                                   @DefaultValue("5s") Duration maxClockOffset, @DefaultValue("24h") Duration lateUpload,
                                   @DefaultValue("2s") Duration timeMismatch) {
}
