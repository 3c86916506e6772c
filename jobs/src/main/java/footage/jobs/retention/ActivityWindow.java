package footage.jobs.retention;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** An imported enforcement activity as retention sees it: whose recordings, when, and its Art. 15 flags. */
record ActivityWindow(String id, String caseNumber, OffsetDateTime start, OffsetDateTime end, Set<String> devices,
                      Set<String> officers, List<String> permanent) {

    /** A recording of one of its devices or officers that shares a moment with its window. */
    boolean covers(RetentionRow r) {
        return (r.deviceId() != null && devices.contains(r.deviceId()) || r.officerId() != null && officers.contains(r.officerId()))
                && r.overlaps(start, end);
    }
}
