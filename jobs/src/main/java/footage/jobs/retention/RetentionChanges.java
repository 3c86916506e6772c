package footage.jobs.retention;

import footage.jobs.cli.UsageException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * {@code footage retention set}: evidence staff make a recording PERMANENT (or change its category); only an explicit
 * change with a named person and a reason makes a PERMANENT recording STANDARD again (Art. 15: permanence is the
 * safe side). There are no users or roles yet: who may do that is checked once the console has its users.
 */
@Service
class RetentionChanges {

    enum Outcome { CHANGED, UNCHANGED }

    private final RetentionRows rows;
    private final RetentionPolicy policy;
    private final Classifier classifier;

    RetentionChanges(RetentionRows rows, RetentionPolicy policy, Classifier classifier) {
        this.rows = rows;
        this.policy = policy;
        this.classifier = classifier;
    }

    record Result(Outcome outcome, RetentionRow before, Classifier.Decision decision) {
    }

    @Transactional
    Result set(long recordingId, RetentionClass target, PermanentCategory category, String by, String reason) {
        RetentionRow r = rows.lock(recordingId).orElseThrow(() -> new UsageException("no recording " + recordingId));
        Classifier.Decision d;
        if (target == RetentionClass.PERMANENT) {
            if (category == null) {
                throw new UsageException("--class PERMANENT needs --category: one of " + List.of(PermanentCategory.values()));
            }
            d = Classifier.Decision.permanent(category, reason == null ? "set by " + by : reason, List.of());
        } else {
            if (category != null) {
                throw new UsageException("--category belongs to --class PERMANENT only");
            }
            if (r.permanent() && (reason == null || reason.isBlank())) {
                throw new UsageException("recording " + recordingId + " is PERMANENT (" + r.category()
                        + "): making it STANDARD needs --reason TEXT (it is recorded in the ledger)");
            }
            d = Classifier.Decision.standard(policy.standardUntil(r), reason == null ? "set by " + by : reason);
        }
        if (d.sameAs(r)) {
            return new Result(Outcome.UNCHANGED, r, d);
        }
        classifier.apply(r, d, policy.standard().toString(), by);
        return new Result(Outcome.CHANGED, r, d);
    }
}
