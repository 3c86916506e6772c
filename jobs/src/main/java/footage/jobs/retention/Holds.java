package footage.jobs.retention;

import footage.jobs.catalog.Recordings;
import footage.jobs.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds (docs/formats.md §12): a hold on a case or a recording keeps every recording it covers from being swept, whatever
 * its class. Which recordings a case hold covers is decided from the activities each time it matters, so footage
 * of the case taken in (or activities imported) after the hold was set is held too; {@code recordings.on_hold}
 * mirrors the answer for display and is refreshed whenever holds or activities change. Callers own the transaction.
 */
@Component
class Holds {

    record Hold(long id, HoldTarget target, String reason, String setBy, OffsetDateTime setAt) {
    }

    private final JdbcClient jdbc;
    private final Recordings recordings;
    private final Ledger ledger;
    private final Coverage coverage;
    private final RetentionRows rows;

    Holds(JdbcClient jdbc, Recordings recordings, Ledger ledger, Coverage coverage, RetentionRows rows) {
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.ledger = ledger;
        this.coverage = coverage;
        this.rows = rows;
    }

    List<Hold> active() {
        return jdbc.sql("SELECT id, case_number, recording_id, reason, set_by, set_at FROM holds WHERE lifted_at IS NULL ORDER BY id")
                .query((rs, n) -> new Hold(rs.getLong("id"),
                        new HoldTarget(rs.getString("case_number"), rs.getObject("recording_id", Long.class)),
                        rs.getString("reason"), rs.getString("set_by"), rs.getObject("set_at", OffsetDateTime.class)))
                .list();
    }

    List<Hold> activeOn(HoldTarget target) {
        return active().stream().filter(h -> h.target().equals(target)).toList();
    }

    /** The active holds that cover the recording. */
    List<Hold> covering(RetentionRow r) {
        List<Hold> holds = new ArrayList<>();
        List<String> cases = null;
        for (Hold h : active()) {
            if (h.target().recordingId() != null) {
                if (h.target().recordingId() == r.id()) {
                    holds.add(h);
                }
                continue;
            }
            if (cases == null) {
                cases = coverage.covering(r).stream().map(ActivityWindow::caseNumber).filter(java.util.Objects::nonNull).toList();
            }
            if (cases.contains(h.target().caseNumber())) {
                holds.add(h);
            }
        }
        return holds;
    }

    Set<Long> covered(HoldTarget target) {
        return target.recordingId() != null ? Set.of(target.recordingId()) : coverage.recordingsOfCase(target.caseNumber());
    }

    /** Sets a hold and marks what it covers; returns the new hold's id and the recordings it covers now. */
    Map.Entry<Long, Set<Long>> set(HoldTarget target, String reason, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO holds (case_number, recording_id, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)")
                .params(target.caseNumber(), target.recordingId(), reason, by, OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        Set<Long> covered = covered(target);
        recordings.setOnHold(covered, true);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("caseNumber", target.caseNumber());
        payload.put("recordingId", target.recordingId());
        payload.put("reason", reason);
        payload.put("recordings", List.copyOf(covered));
        ledger.append("HOLD_SET", "hold:" + id, by, payload);
        return Map.entry(id, covered);
    }

    /**
     * Lifts every active hold on the target; returns the recordings they covered, each re-checked against the others.
     * {@code how} it was asked for goes into each entry.
     */
    Set<Long> lift(List<Hold> holds, String reason, String by, Map<String, Object> how) {
        Set<Long> released = new TreeSet<>();
        for (Hold h : holds) {
            Set<Long> covered = covered(h.target());
            jdbc.sql("UPDATE holds SET lifted_by = ?, lift_reason = ?, lifted_at = ? WHERE id = ? AND lifted_at IS NULL")
                    .params(by, reason, OffsetDateTime.now(ZoneOffset.UTC), h.id()).update();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("caseNumber", h.target().caseNumber());
            payload.put("recordingId", h.target().recordingId());
            payload.put("reason", reason);
            payload.put("recordings", List.copyOf(covered));
            payload.putAll(how);
            ledger.append("HOLD_LIFTED", "hold:" + h.id(), by, payload);
            released.addAll(covered);
        }
        refresh(released);
        return released;
    }

    /** Sets {@code on_hold} of these recordings to whether an active hold covers them now. */
    void refresh(Collection<Long> ids) {
        for (Long id : ids) {
            rows.byId(id).ifPresent(r -> {
                boolean held = !covering(r).isEmpty();
                if (held != r.onHold()) {
                    recordings.setOnHold(List.of(id), held);
                }
            });
        }
    }

    /** After activities changed: what every active hold covers now, and whether the recordings held before still are. */
    void refreshAll() {
        Set<Long> ids = new TreeSet<>(jdbc.sql("SELECT id FROM recordings WHERE on_hold = TRUE").query(Long.class).list());
        active().forEach(h -> ids.addAll(covered(h.target())));
        refresh(ids);
    }
}
