package footage.jobs.activity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** One enforcement activity as imported (docs/formats.md §10), validated at construction. */
record ActivityRecord(String id, String caseNumber, OffsetDateTime start, OffsetDateTime end, List<String> devices,
                      List<String> officers, List<String> permanent) {

    static final Set<String> CATEGORIES = Set.of("PENALTY_EVIDENCE", "OBSTRUCTION", "MAJOR_INCIDENT", "COMPLEX_CASE");

    ActivityRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (start == null || end == null) {
            throw new IllegalArgumentException("start and end are required");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " is not after start " + start);
        }
        devices = sortedDistinct(devices);
        officers = sortedDistinct(officers);
        permanent = sortedDistinct(permanent);
        if (devices.isEmpty() && officers.isEmpty()) {
            throw new IllegalArgumentException("names no device and no officer");
        }
        for (String c : permanent) {
            if (!CATEGORIES.contains(c)) {
                throw new IllegalArgumentException("unknown permanent-retention category '" + c + "'; one of " + CATEGORIES.stream().sorted().toList());
            }
        }
        for (String v : devices) {
            if (v.contains(",")) {
                throw new IllegalArgumentException("device id contains a comma: " + v);
            }
        }
    }

    private static List<String> sortedDistinct(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().sorted().toList();
    }
}
