package footage.jobs.retention;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the retention sweep may move (docs/formats.md §12): a recording still in the archive, STANDARD, expired (its retain-until
 * date is before today) and covered by no active hold. Checked twice for each recording: when it is read, and again
 * in the transaction that records the move, with the row locked, so a hold or class change committed meanwhile wins.
 */
@Component
class SweepRules {

    static final Set<String> MOVABLE_STATUS = Set.of("ARCHIVED", "DAMAGED");

    private final RetentionRows rows;
    private final RetentionPolicy policy;
    private final Holds holds;

    SweepRules(RetentionRows rows, RetentionPolicy policy, Holds holds) {
        this.rows = rows;
        this.policy = policy;
        this.holds = holds;
    }

    /** Why the recording stays, or empty when it is to be moved out. */
    Optional<String> keeps(RetentionRow r, LocalDate today) {
        if (r.movedOut()) {
            return Optional.of("already moved out to " + r.archivePath());
        }
        if (!MOVABLE_STATUS.contains(r.status())) {
            return Optional.of("status " + r.status());
        }
        if (!RetentionClass.STANDARD.name().equals(r.retentionClass())) {
            return Optional.of(r.retentionClass() + (r.category() == null ? "" : " " + r.category()));
        }
        LocalDate until = policy.effectiveUntil(r);
        if (!until.isBefore(today)) {
            return Optional.of("retained until " + until);
        }
        if (r.onHold()) {
            return Optional.of("on hold");
        }
        List<Holds.Hold> covering = holds.covering(r);
        if (!covering.isEmpty()) {
            return Optional.of("on hold (" + covering.get(0).target().label() + ")");
        }
        return Optional.empty();
    }

    /** The next recording after {@code afterId} that is to be moved out, in id order. */
    Optional<RetentionRow> next(long afterId, LocalDate today) {
        long after = afterId;
        while (true) {
            List<RetentionRow> batch = candidates(after, today, 100);
            for (RetentionRow r : batch) {
                if (keeps(r, today).isEmpty()) {
                    return Optional.of(r);
                }
            }
            if (batch.size() < 100) {
                return Optional.empty();
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    /**
     * Rows that may be due, by what SQL can tell; {@link #keeps} decides. A missing retain-until date (a recording
     * catalogued before retention classes existed) is computed from the recording date.
     */
    private List<RetentionRow> candidates(long afterId, LocalDate today, int limit) {
        return rows.where("id > :after AND archive_path NOT LIKE 'expired/%' AND retention_class = 'STANDARD' "
                        + "AND on_hold = FALSE AND status IN ('ARCHIVED', 'DAMAGED') "
                        + "AND (retain_until IS NULL OR retain_until < :today) ORDER BY id LIMIT " + limit,
                Map.of("after", afterId, "today", today));
    }
}
