package footage.jobs.retention;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which recordings an enforcement activity covers: those of its devices or officers sharing a moment with its window
 * on the reference clock (corrected start to corrected start + media length). The same rule picks the recordings of
 * {@code footage export --case}, so a case hold keeps exactly what a case export would take. A recording whose clock
 * could not be placed is in no window.
 */
@Component
class Coverage {

    private static final String ACTIVITY = "SELECT id, case_number, start_at, end_at, devices, officers, "
            + "permanent_categories FROM activities ";

    private final JdbcClient jdbc;
    private final RetentionRows rows;

    Coverage(JdbcClient jdbc, RetentionRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    Optional<ActivityWindow> activity(String id) {
        return jdbc.sql(ACTIVITY + "WHERE id = ?").param(id).query(Coverage::window).optional();
    }

    List<ActivityWindow> ofCase(String caseNumber) {
        return jdbc.sql(ACTIVITY + "WHERE case_number = ? ORDER BY start_at, id").param(caseNumber)
                .query(Coverage::window).list();
    }

    /** Activities whose window a recording shares a moment with and that name its device or officer. */
    List<ActivityWindow> covering(RetentionRow r) {
        if (r.start() == null) {
            return List.of();
        }
        return jdbc.sql(ACTIVITY + "WHERE start_at <= ? AND end_at >= ? ORDER BY id").params(r.end(), r.start())
                .query(Coverage::window).list().stream().filter(a -> a.covers(r)).toList();
    }

    /** Ids of the recordings the activity covers, in id order. */
    Set<Long> recordings(ActivityWindow a) {
        Set<Long> ids = new TreeSet<>();
        if (a.devices().isEmpty() && a.officers().isEmpty()) {
            return ids;
        }
        // the end needs the length added, which H2 and PostgreSQL spell differently: the lower bound is widened by
        // the longest recording there is and the overlap decided in Java
        Double longest = jdbc.sql("SELECT MAX(COALESCE(media_seconds, duration_seconds)) FROM recordings")
                .query(Double.class).optional().orElse(null);
        OffsetDateTime from = a.start().minusSeconds(longest == null ? 0 : (long) Math.ceil(longest) + 1);
        List<String> who = new ArrayList<>();
        if (!a.devices().isEmpty()) {
            who.add("device_id IN (:devices)");
        }
        if (!a.officers().isEmpty()) {
            who.add("officer_id IN (:officers)");
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", from);
        params.put("to", a.end());
        params.put("devices", a.devices().isEmpty() ? List.of("") : a.devices());
        params.put("officers", a.officers().isEmpty() ? List.of("") : a.officers());
        rows.where("(" + String.join(" OR ", who) + ") AND corrected_start <= :to AND corrected_start >= :from", params)
                .stream().filter(a::covers).forEach(r -> ids.add(r.id()));
        return ids;
    }

    Set<Long> recordingsOfCase(String caseNumber) {
        Set<Long> ids = new TreeSet<>();
        ofCase(caseNumber).forEach(a -> ids.addAll(recordings(a)));
        return ids;
    }

    private static ActivityWindow window(ResultSet rs, int n) throws SQLException {
        return new ActivityWindow(rs.getString("id"), rs.getString("case_number"),
                rs.getObject("start_at", OffsetDateTime.class), rs.getObject("end_at", OffsetDateTime.class),
                set(rs.getString("devices")), set(rs.getString("officers")),
                List.copyOf(set(rs.getString("permanent_categories"))));
    }

    private static Set<String> set(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
