package footage.jobs.devices;

import footage.jobs.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code officers} table: who belongs to which unit. */
@Repository
public class Officers {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    Officers(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** Officer id → unit, for every registered officer. */
    public Map<String, String> units() {
        Map<String, String> units = new TreeMap<>();
        jdbc.sql("SELECT officer_id, unit FROM officers").query((rs, n) -> units.put(rs.getString("officer_id"), rs.getString("unit"))).list();
        return units;
    }

    record Imported(int added, int updated, int unchanged) {
    }

    /** All rows or none; one OFFICERS_IMPORTED ledger entry with the counts. */
    @Transactional
    Imported importRows(List<OfficerFileReader.Row> rows, String actor) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (OfficerFileReader.Row row : rows) {
            var existing = jdbc.sql("SELECT officer_name, unit FROM officers WHERE officer_id = ?").param(row.officerId())
                    .query((rs, n) -> new String[] {rs.getString("officer_name"), rs.getString("unit")}).optional();
            if (existing.isEmpty()) {
                jdbc.sql("INSERT INTO officers (officer_id, officer_name, unit, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
                        .params(row.officerId(), row.officerName(), row.unit(), now, actor).update();
                added++;
            } else if (java.util.Objects.equals(existing.get()[0], row.officerName()) && existing.get()[1].equals(row.unit())) {
                unchanged++;
            } else {
                jdbc.sql("UPDATE officers SET officer_name = ?, unit = ?, updated_at = ?, updated_by = ? WHERE officer_id = ?")
                        .params(row.officerName(), row.unit(), now, actor, row.officerId()).update();
                updated++;
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("added", added);
        payload.put("updated", updated);
        payload.put("unchanged", unchanged);
        ledger.append("OFFICERS_IMPORTED", "officers", actor, payload);
        return new Imported(added, updated, unchanged);
    }
}
