package footage.pipeline.continuity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One recording as the analysis sees it.
 *
 * @param key           stable identity (the SHA-256), used in finding ids
 * @param file          original file name, named in findings
 * @param dock          the docking it came in with (for the clock offset and the dock time)
 * @param nameStart     device-local start from the file name, or null
 * @param creationTime  container creation_time, or null
 * @param duration      seconds, or null when neither the container nor the packets tell
 * @param damaged       archived but truncated or partly undecodable
 * @param officerId     officer, for activities that name officers
 * @param timeProblem   why a time of the recording could not be read (an impossible date in its name or container),
 *                      one line; null when nothing was unreadable
 */
public record Segment(String key, String file, Dock dock, LocalDateTime nameStart, Instant creationTime,
                      Double duration, boolean damaged, String officerId, List<Jump> jumps, String timeProblem) {

    /** A segment whose times were all readable. */
    public Segment(String key, String file, Dock dock, LocalDateTime nameStart, Instant creationTime, Double duration,
                   boolean damaged, String officerId, List<Jump> jumps) {
        this(key, file, dock, nameStart, creationTime, duration, damaged, officerId, jumps, null);
    }

    public Segment {
        if (key == null || file == null || dock == null) {
            throw new IllegalArgumentException("a segment needs a key, a file name and its dock");
        }
        jumps = jumps == null ? List.of() : List.copyOf(jumps);
    }
}
