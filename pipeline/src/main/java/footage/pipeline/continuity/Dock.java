package footage.pipeline.continuity;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One docking of a device: when the station saw it and what the device clock said then.
 *
 * @param key               stable identity of the dock (the dump), used in finding ids
 * @param deviceClockAtDock null when the dump had no manifest or the station did not read the clock
 */
public record Dock(String key, String deviceId, OffsetDateTime dockedAt, OffsetDateTime deviceClockAtDock) {

    public Dock {
        if (key == null || deviceId == null) {
            throw new IllegalArgumentException("a dock needs a key and a device id");
        }
    }

    /** Device clock minus reference clock in seconds (positive = device fast); null when unverified. */
    public Double offsetSeconds() {
        if (dockedAt == null || deviceClockAtDock == null) {
            return null;
        }
        return Duration.between(dockedAt, deviceClockAtDock).toNanos() / 1e9;
    }
}
