package footage.jobs.export;

import footage.jobs.UsageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the recordings of an export: those of a device overlapping a time range, or those of a case, i.e. of the
 * devices and officers of the case's enforcement activities overlapping each activity's window (docs/formats.md §10).
 * A recording overlaps a window when its reference [start, end] and the window share a moment; a recording whose
 * start could not be placed on the reference clock cannot be placed in a window and is not chosen.
 */
@Component
class ExportSelector {

    private static final String COLUMNS = "SELECT id, sha256, size_bytes, archive_path, original_path, dump_id, device_id, "
            + "officer_id, corrected_start, COALESCE(media_seconds, duration_seconds) AS seconds, status FROM recordings ";

    private final JdbcClient jdbc;

    ExportSelector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Selection byDevice(String device, OffsetDateTime from, OffsetDateTime to) {
        Selection.Window window = new Selection.Window(List.of(device), List.of(), from, to);
        List<ExportedRecording> chosen = jdbc.sql(COLUMNS + "WHERE device_id = ? AND corrected_start <= ? ORDER BY id")
                .params(device, to).query(ExportSelector::recording).list()
                .stream().filter(r -> r.overlaps(from, to)).toList();
        if (chosen.isEmpty()) {
            throw new UsageException("nothing to export: no recording of device " + device + " overlaps " + from + " .. " + to);
        }
        return new Selection("device " + device + " " + from + "/" + to, List.of(window), chosen);
    }

    Selection byCase(String caseNumber) {
        List<Selection.Window> windows = windows("WHERE case_number = ?", caseNumber);
        if (windows.isEmpty()) {
            throw new UsageException("nothing to export: no enforcement activity has case number " + caseNumber
                    + " (activities are imported with 'footage activities import FILE')");
        }
        Map<Long, ExportedRecording> chosen = new LinkedHashMap<>();
        choose(windows, chosen);
        if (chosen.isEmpty()) {
            throw new UsageException("nothing to export: no recording of the devices or officers of case " + caseNumber
                    + " overlaps its " + windows.size() + " activity window(s)");
        }
        return new Selection("case " + caseNumber, windows, sorted(chosen));
    }

    /**
     * What an access request names: its recordings by id, and the recordings of the case or activity it names (an
     * activity's id or a case number), chosen by the activities' windows as {@link #byCase} chooses them. A recording
     * named by id is a window of its own (its device, its start to its end) for the bag's gap report.
     */
    Selection byRequest(String externalIdentifier, List<Long> recordingIds, String caseRef) {
        Map<Long, ExportedRecording> chosen = new LinkedHashMap<>();
        List<Selection.Window> windows = new ArrayList<>();
        if (!recordingIds.isEmpty()) {
            for (ExportedRecording r : jdbc.sql(COLUMNS + "WHERE id IN (:ids) ORDER BY id").param("ids", recordingIds)
                    .query(ExportSelector::recording).list()) {
                chosen.put(r.id(), r);
                if (r.start() != null) {
                    windows.add(new Selection.Window(r.deviceId() == null ? List.of() : List.of(r.deviceId()), List.of(),
                            r.start(), r.end() == null ? r.start() : r.end()));
                }
            }
        }
        if (caseRef != null) {
            List<Selection.Window> ofCase = windows("WHERE case_number = ? OR id = ?", caseRef, caseRef);
            windows.addAll(ofCase);
            choose(ofCase, chosen);
        }
        if (chosen.isEmpty()) {
            throw new UsageException("nothing to export: " + externalIdentifier + " names no catalogued recording");
        }
        if (windows.isEmpty()) {
            throw new UsageException("nothing to export: no recording " + externalIdentifier
                    + " names could be placed on the reference clock");
        }
        return new Selection(externalIdentifier, windows, sorted(chosen));
    }

    private List<Selection.Window> windows(String condition, Object... params) {
        return jdbc.sql("SELECT start_at, end_at, devices, officers FROM activities " + condition + " ORDER BY start_at, id")
                .params(params)
                .query((rs, n) -> new Selection.Window(list(rs.getString("devices")), list(rs.getString("officers")),
                        rs.getObject("start_at", OffsetDateTime.class), rs.getObject("end_at", OffsetDateTime.class)))
                .list();
    }

    /** Adds the recordings of the windows' devices and officers that overlap them. */
    private void choose(List<Selection.Window> windows, Map<Long, ExportedRecording> chosen) {
        for (Selection.Window w : windows) {
            List<ExportedRecording> candidates = new ArrayList<>();
            if (!w.devices().isEmpty()) {
                candidates.addAll(jdbc.sql(COLUMNS + "WHERE device_id IN (:ids) AND corrected_start <= :to ORDER BY id")
                        .param("ids", w.devices()).param("to", w.to()).query(ExportSelector::recording).list());
            }
            if (!w.officers().isEmpty()) {
                candidates.addAll(jdbc.sql(COLUMNS + "WHERE officer_id IN (:ids) AND corrected_start <= :to ORDER BY id")
                        .param("ids", w.officers()).param("to", w.to()).query(ExportSelector::recording).list());
            }
            candidates.stream().filter(r -> r.overlaps(w.from(), w.to())).forEach(r -> chosen.putIfAbsent(r.id(), r));
        }
    }

    private static List<ExportedRecording> sorted(Map<Long, ExportedRecording> chosen) {
        List<ExportedRecording> sorted = new ArrayList<>(chosen.values());
        sorted.sort(java.util.Comparator.comparingLong(ExportedRecording::id));
        return sorted;
    }

    private static ExportedRecording recording(ResultSet rs, int n) throws SQLException {
        OffsetDateTime start = rs.getObject("corrected_start", OffsetDateTime.class);
        Double seconds = rs.getObject("seconds", Double.class);
        OffsetDateTime end = start == null || seconds == null ? start : start.plus(Duration.ofNanos(Math.round(seconds * 1e9)));
        return new ExportedRecording(rs.getLong("id"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getString("archive_path"), rs.getString("original_path"), rs.getLong("dump_id"),
                rs.getString("device_id"), rs.getString("officer_id"), start, end, rs.getString("status"));
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
