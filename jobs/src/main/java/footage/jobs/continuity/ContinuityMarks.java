package footage.jobs.continuity;

import footage.jobs.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * Which devices' timelines need analysis ({@code continuity_marks}, docs/architecture.md §3): durable state, set in the transaction
 * that changes what an analysis would see (a dump registered, a file settled, a recording found damaged) and cleared
 * in the transaction that writes the analysis' findings. So a crash anywhere (intake, analysis, a worker, a full disk)
 * leaves the mark, and the next analysis — of any run, on any node — picks the device up.
 * <p>
 * Marking and clearing both hold the ledger's append lock (which every catalog change takes anyway, so it adds no
 * wait): no mark can be inserted while an analysis runs, and clearing "every mark of the analysed devices" can never
 * remove a mark whose change the analysis did not see.
 */
@Repository
public class ContinuityMarks {

    private static final int REASON_MAX = 500;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock = Clock.systemUTC();

    ContinuityMarks(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /**
     * Marks a device's whole history as needing analysis, in the caller's transaction. A null device (not known yet) is
     * no mark.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mark(String deviceId, String reason) {
        mark(deviceId, null, reason);
    }

    /**
     * Marks what a dump changed of a device's timeline, in the caller's transaction: the analysis reads the time that
     * dump spans (and what the rules need at its edges), not the device's history. A null dump: the whole history.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mark(String deviceId, Long dumpId, String reason) {
        if (deviceId == null || deviceId.isBlank()) {
            return;
        }
        ledger.lockAppends();
        String why = reason == null ? "" : reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason;
        jdbc.sql("INSERT INTO continuity_marks (device_id, reason, marked_at, dump_id) VALUES (?, ?, ?, ?)")
                .params(deviceId, why, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), dumpId).update();
    }

    /**
     * The marks, as what each device's analysis has to read.
     *
     * @param whole  devices with a mark that names no dump: their whole history
     * @param docked the other marked devices, each with the dumps its marks name
     */
    record Marked(java.util.Set<String> whole, java.util.SortedMap<String, java.util.Set<Long>> docked) {
    }

    Marked markedWindows() {
        java.util.Set<String> whole = new java.util.TreeSet<>();
        java.util.SortedMap<String, java.util.Set<Long>> docked = new java.util.TreeMap<>();
        jdbc.sql("SELECT DISTINCT device_id, dump_id FROM continuity_marks").query((rs, n) -> {
            String device = rs.getString("device_id");
            long dump = rs.getLong("dump_id");
            if (rs.wasNull()) {
                whole.add(device);
            } else {
                docked.computeIfAbsent(device, d -> new java.util.TreeSet<>()).add(dump);
            }
            return device;
        }).list();
        whole.forEach(docked::remove);
        return new Marked(whole, docked);
    }

    /** Clears the marks of these dumps of a device (its windowed analysis); in the transaction that wrote its findings. */
    @Transactional(propagation = Propagation.MANDATORY)
    int clear(String deviceId, Collection<Long> dumpIds) {
        if (dumpIds.isEmpty()) {
            return 0;
        }
        ledger.lockAppends();
        return jdbc.sql("DELETE FROM continuity_marks WHERE device_id = :device AND dump_id IN (:dumps)")
                .param("device", deviceId).param("dumps", dumpIds).update();
    }

    /** Devices with a mark, in order. */
    public List<String> marked() {
        return jdbc.sql("SELECT DISTINCT device_id FROM continuity_marks ORDER BY device_id").query(String.class).list();
    }

    public record Waiting(String deviceId, long marks, OffsetDateTime since, String reason) {
    }

    /** What waits for analysis, oldest first: for the console and the CLI. */
    public List<Waiting> waiting() {
        return jdbc.sql("SELECT m.device_id, COUNT(*) AS marks, MIN(m.marked_at) AS since, MIN(m.reason) AS reason "
                        + "FROM continuity_marks m GROUP BY m.device_id ORDER BY MIN(m.marked_at), m.device_id")
                .query((rs, n) -> new Waiting(rs.getString("device_id"), rs.getLong("marks"),
                        rs.getObject("since", OffsetDateTime.class), rs.getString("reason")))
                .list();
    }

    /** Clears the marks of analysed devices; in the transaction that wrote their findings. */
    @Transactional(propagation = Propagation.MANDATORY)
    int clear(Collection<String> devices) {
        if (devices.isEmpty()) {
            return 0;
        }
        ledger.lockAppends();
        int cleared = 0;
        List<String> all = List.copyOf(devices);
        for (int from = 0; from < all.size(); from += 500) {
            cleared += jdbc.sql("DELETE FROM continuity_marks WHERE device_id IN (:devices)")
                    .param("devices", all.subList(from, Math.min(all.size(), from + 500))).update();
        }
        return cleared;
    }
}
