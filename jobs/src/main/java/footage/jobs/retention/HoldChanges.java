package footage.jobs.retention;

import footage.jobs.UsageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code footage hold set|lift}: one transaction each, the hold rows, the on_hold marks and the ledger together. */
@Service
class HoldChanges {

    /** @param movedOut how many of the covered recordings a sweep already moved out to expired/ */
    record SetResult(Long holdId, Set<Long> covered, List<Holds.Hold> existing, boolean caseKnown, long movedOut) {
    }

    record LiftResult(List<Holds.Hold> lifted, Set<Long> released, long stillHeld) {
    }

    private final Holds holds;
    private final RetentionRows rows;
    private final JdbcClient jdbc;

    HoldChanges(Holds holds, RetentionRows rows, JdbcClient jdbc) {
        this.holds = holds;
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Transactional
    SetResult set(HoldTarget target, String reason, String by) {
        boolean caseKnown = true;
        if (target.recordingId() != null) {
            rows.lock(target.recordingId()).orElseThrow(() -> new UsageException("no recording " + target.recordingId()));
        } else {
            caseKnown = jdbc.sql("SELECT COUNT(*) FROM activities WHERE case_number = ?").param(target.caseNumber())
                    .query(Long.class).single() > 0;
        }
        List<Holds.Hold> existing = holds.activeOn(target);
        if (!existing.isEmpty()) {
            return new SetResult(null, holds.covered(target), existing, caseKnown, 0);
        }
        Map.Entry<Long, Set<Long>> set = holds.set(target, reason, by);
        long movedOut = set.getValue().isEmpty() ? 0 : jdbc.sql("SELECT COUNT(*) FROM recordings WHERE id IN (:ids) "
                + "AND archive_path LIKE 'expired/%'").param("ids", set.getValue()).query(Long.class).single();
        return new SetResult(set.getKey(), set.getValue(), List.of(), caseKnown, movedOut);
    }

    /** As the console lifts: the person is the session's, who logged in. */
    @Transactional
    LiftResult lift(HoldTarget target, String reason, String by) {
        return lift(target, reason, by, Map.of());
    }

    /**
     * As the command line lifts ({@code --by} names anyone, as DESIGN's command line has it): each entry also says it
     * came from the command line and which OS user ran it.
     */
    @Transactional
    LiftResult liftFromCommandLine(HoldTarget target, String reason, String by) {
        return lift(target, reason, by, RetentionChanges.fromCommandLine());
    }

    private LiftResult lift(HoldTarget target, String reason, String by, Map<String, Object> how) {
        List<Holds.Hold> active = holds.activeOn(target);
        if (active.isEmpty()) {
            throw new UsageException("no active hold on " + target.label());
        }
        Set<Long> released = holds.lift(active, reason, by, how);
        long stillHeld = released.isEmpty() ? 0 : jdbc.sql("SELECT COUNT(*) FROM recordings WHERE on_hold = TRUE AND id IN (:ids)")
                .param("ids", released).query(Long.class).single();
        return new LiftResult(active, released, stillHeld);
    }
}
