package footage.jobs.continuity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code footage.continuity.*}: the thresholds of docs/formats.md §4, validated at start-up by
 * {@link footage.pipeline.continuity.ContinuityRules}, and the sound checks of Art. 8.
 *
 * @param silence      sound below {@code silenceLevel} for longer than this is AUDIO_SILENT (default 60 s)
 * @param silenceLevel dBFS below which sound counts as silence (default -50), measured at ingest
 * @param noAudio      false: a video without an audio stream raises no NO_AUDIO (deployments whose cameras record
 *                     no sound by policy)
 * @param audioSilent  false: no AUDIO_SILENT, and ingest does not decode the sound to look for silence
 */
@ConfigurationProperties("footage.continuity")
public record ContinuityProperties(@DefaultValue("2s") Duration tolerance, @DefaultValue("30m") Duration sessionBreak,
                                   @DefaultValue("5s") Duration maxClockOffset, @DefaultValue("24h") Duration lateUpload,
                                   @DefaultValue("2s") Duration timeMismatch, @DefaultValue("60s") Duration silence,
                                   @DefaultValue("-50") double silenceLevel, @DefaultValue("true") boolean noAudio,
                                   @DefaultValue("true") boolean audioSilent) {

    /**
     * Ingest keeps silent spans from this length on (or {@code silence}, if shorter), so {@code silence} can later be
     * raised, or lowered to 10 s, without decoding the archive again.
     */
    public static final Duration KEPT_SILENCE = Duration.ofSeconds(10);

    public double keptSilenceSeconds() {
        Duration shortest = silence != null && silence.compareTo(KEPT_SILENCE) < 0 ? silence : KEPT_SILENCE;
        return shortest.toMillis() / 1000.0;
    }
}
