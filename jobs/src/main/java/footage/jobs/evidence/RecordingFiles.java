package footage.jobs.evidence;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files behind a recording that the console opens: its original and its playable proxy, and the rows shown on a
 * device's page. Kept out of the controllers so that no controller runs SQL (issue 22).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RecordingFiles {

    private final JdbcClient jdbc;
    private final FootageProperties footage;

    RecordingFiles(JdbcClient jdbc, FootageProperties footage) {
        this.jdbc = jdbc;
        this.footage = footage;
    }

    /** The catalogued original, resolved in the stores; empty when there is no such recording. */
    Optional<Path> original(long recordingId) {
        return jdbc.sql("SELECT archive_path FROM recordings WHERE id = ?").param(recordingId)
                .query(String.class).optional().map(p -> ObjectLocations.resolve(footage, p));
    }

    /** The first made derivative that is not a thumbnail: what is played instead of the original when there is one. */
    Optional<Path> proxy(long recordingId) {
        return jdbc.sql("SELECT path FROM derivatives WHERE recording_id = ? AND status = 'MADE' AND method <> 'THUMBNAIL' "
                        + "AND path IS NOT NULL ORDER BY id").param(recordingId).query(String.class).list().stream()
                .findFirst().map(p -> ObjectLocations.resolveDerivative(footage, p));
    }

    /** A device's recordings, oldest first, as the device page lists them. */
    List<Map<String, Object>> ofDevice(String deviceId) {
        return jdbc.sql("SELECT id, file_name, officer_id, corrected_start, status FROM recordings "
                + "WHERE device_id = ? ORDER BY corrected_start, id").param(deviceId).query().listOfRows();
    }

    /** A device's current (not superseded) findings, oldest first. */
    List<Map<String, Object>> findingsOfDevice(String deviceId) {
        return jdbc.sql("SELECT id, kind, start_at, detail, explanation_reason FROM findings "
                + "WHERE device_id = ? AND superseded_at IS NULL ORDER BY start_at, id").param(deviceId).query().listOfRows();
    }
}
