package footage.pipeline.continuity;

import java.util.List;

/** A device's recordings on the reference clock, in start order, with every finding about them. */
public record DeviceTimeline(String deviceId, List<PlacedSegment> segments, List<TimelineFinding> findings) {
}
