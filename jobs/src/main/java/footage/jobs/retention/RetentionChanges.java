package footage.jobs.retention;

import footage.jobs.UsageException;
import footage.jobs.ledger.Ledger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code footage retention set}: evidence staff make a recording PERMANENT (or change its category); only an explicit
 * change with a reason, by an enabled console administrator named with {@code --by}, makes a PERMANENT recording
 * STANDARD again (Art. 15: permanence is the safe side). Anyone else is refused, and the refusal is ledgered like the
 * console's refused actions: an attempt to give up protection is itself on record.
 */
@Service
class RetentionChanges {

    enum Outcome { CHANGED, UNCHANGED, REFUSED }

    private final RetentionRows rows;
    private final RetentionPolicy policy;
    private final Classifier classifier;
    private final Administrators roles;
    private final Ledger ledger;

    RetentionChanges(RetentionRows rows, RetentionPolicy policy, Classifier classifier, Administrators roles, Ledger ledger) {
        this.rows = rows;
        this.policy = policy;
        this.classifier = classifier;
        this.roles = roles;
        this.ledger = ledger;
    }

    /** {@code decision} is null when refused, {@code refusal} (one line) only then. */
    record Result(Outcome outcome, RetentionRow before, Classifier.Decision decision, String refusal) {
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
            if (r.permanent()) {
                if (reason == null || reason.isBlank()) {
                    throw new UsageException("recording " + recordingId + " is PERMANENT (" + r.category()
                            + "): making it STANDARD needs --reason TEXT (it is recorded in the ledger)");
                }
                Optional<String> notAdmin = roles.whyNotAdmin(by);
                if (notAdmin.isPresent()) {
                    String refusal = "recording " + recordingId + " is PERMANENT (" + r.category()
                            + "): only an enabled console ADMIN may make it STANDARD, and " + notAdmin.get();
                    refused(r, by, reason, refusal);
                    return new Result(Outcome.REFUSED, r, null, refusal);
                }
            }
            d = Classifier.Decision.standard(policy.standardUntil(r), reason == null ? "set by " + by : reason);
        }
        if (d.sameAs(r)) {
            return new Result(Outcome.UNCHANGED, r, d, null);
        }
        classifier.apply(r, d, policy.standard().toString(), by);
        return new Result(Outcome.CHANGED, r, d, null);
    }

    private void refused(RetentionRow r, String by, String reason, String refusal) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestedClass", RetentionClass.STANDARD.name());
        payload.put("retentionClass", r.retentionClass());
        payload.put("category", r.category());
        payload.put("reason", reason);
        payload.put("refusal", refusal);
        ledger.append("RETENTION_REFUSED", "recording:" + r.id(), by, payload);
    }
}
