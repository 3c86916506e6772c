package footage.pipeline.continuity;

import java.time.Instant;

/**
 * A segment placed on the reference clock. {@code end} is null when its duration is unknown.
 *
 * @param startSource FILE_NAME or CREATION_TIME
 */
public record PlacedSegment(Segment segment, Instant start, Instant end, String startSource) {
}
