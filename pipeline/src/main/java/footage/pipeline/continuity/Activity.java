package footage.pipeline.continuity;

import java.time.Instant;
import java.util.Set;

/** An enforcement activity window (reference time) and who should have recorded it. */
public record Activity(String id, String caseNumber, Instant start, Instant end, Set<String> devices,
                       Set<String> officers) {

    public Activity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an activity needs an id");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("activity " + id + ": end must be after start");
        }
        devices = devices == null ? Set.of() : Set.copyOf(devices);
        officers = officers == null ? Set.of() : Set.copyOf(officers);
        if (devices.isEmpty() && officers.isEmpty()) {
            throw new IllegalArgumentException("activity " + id + " names no device and no officer");
        }
    }
}
