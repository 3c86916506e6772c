package footage.pipeline.continuity;

import java.time.Instant;
import java.util.List;

/**
 * A finding on the reference clock.
 *
 * @param key        what it is about, stable across runs (kind + device + recordings/dock/activity): the id source
 * @param recordings file names it concerns (for GAP/OVERLAP the one before and the one after)
 * @param recordingKey the SHA-256 of the recording it is attached to, or null for device/dock findings
 * @param activityId activity whose window it falls in, or null
 */
public record TimelineFinding(String key, FindingKind kind, String deviceId, Instant start, Instant end, Double seconds,
                              List<String> recordings, String recordingKey, String dockKey, String activityId,
                              String detail) {

    public TimelineFinding {
        recordings = List.copyOf(recordings);
    }
}
