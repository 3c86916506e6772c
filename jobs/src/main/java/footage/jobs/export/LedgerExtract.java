package footage.jobs.export;

import footage.jobs.ledger.LedgerEntry;
import footage.jobs.ledger.LedgerReader;
import footage.pipeline.text.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ledger entries about an export's recordings, their dumps and dump files, and the findings about them, as
 * JSON lines: {@code {"seq":…,"prevHash":"…","hash":"…","canonical":"…"}} where {@code canonical} is the exact
 * canonical form (docs/ledger.md), so that a recipient recomputes {@code hash = SHA-256(prevHash "\n" canonical)}
 * with any JSON parser. The extract leaves out unrelated entries, so it is not a chain of its own; bag-info.txt names
 * the ledger head the full chain had at export time.
 */
@Component
class LedgerExtract {


    private final JdbcClient jdbc;
    private final LedgerReader reader;

    LedgerExtract(JdbcClient jdbc, LedgerReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    List<LedgerEntry> entries(Selection selection) {
        Set<String> subjects = new LinkedHashSet<>();
        List<Long> ids = selection.recordings().stream().map(ExportedRecording::id).toList();
        Set<String> devices = new LinkedHashSet<>();
        for (ExportedRecording r : selection.recordings()) {
            subjects.add("recording:" + r.id());
            subjects.add("dump:" + r.dumpId());
            if (r.deviceId() != null) {
                devices.add(r.deviceId());
            }
        }
        for (List<Long> part : parts(ids)) {
            jdbc.sql("SELECT id FROM dump_files WHERE recording_id IN (:ids)").param("ids", part)
                    .query(Long.class).list().forEach(id -> subjects.add("dump-file:" + id));
            jdbc.sql("SELECT f.id FROM findings f WHERE f.recording_id IN (:ids) UNION "
                            + "SELECT f.id FROM findings f JOIN dump_files d ON d.dump_id = f.dump_id AND d.path = f.path "
                            + "WHERE d.recording_id IN (:ids)")
                    .param("ids", part).query(String.class).list().forEach(id -> subjects.add("finding:" + id));
        }
        if (!devices.isEmpty()) {
            // gaps, overlaps and clock findings of the devices in the time asked for concern the exported footage too
            record Timed(String id, OffsetDateTime start, OffsetDateTime end) {
            }
            jdbc.sql("SELECT id, start_at, end_at FROM findings WHERE device_id IN (:devices) AND start_at IS NOT NULL")
                    .param("devices", List.copyOf(devices))
                    .query((rs, n) -> new Timed(rs.getString("id"), rs.getObject("start_at", OffsetDateTime.class),
                            rs.getObject("end_at", OffsetDateTime.class)))
                    .list().stream()
                    .filter(f -> selection.windows().stream().anyMatch(w -> !f.start().isAfter(w.to())
                            && !(f.end() == null ? f.start() : f.end()).isBefore(w.from())))
                    .forEach(f -> subjects.add("finding:" + f.id()));
        }
        return reader.about(subjects);
    }

    static String line(LedgerEntry e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("seq", e.seq());
        node.put("prevHash", e.prevHash());
        node.put("hash", e.hash());
        node.put("canonical", e.canonical());
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JacksonException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<List<Long>> parts(List<Long> ids) {
        List<List<Long>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            parts.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return parts;
    }
}
