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

    /** As the console changes it: the person is the session's, who logged in. */
    @Transactional
    Result set(long recordingId, RetentionClass target, PermanentCategory category, String by, String reason) {
        return set(recordingId, target, category, by, reason, false, null);
    }

    /**
     * As the command line changes it: {@code --by} names the person, and when the rule wants an administrator, the
     * console password of that person proves it ({@code password}, null when none could be asked for).
     */
    @Transactional
    Result setFromCommandLine(long recordingId, RetentionClass target, PermanentCategory category, String by,
                              String reason, char[] password) {
        return set(recordingId, target, category, by, reason, true, password);
    }

    /** Whether making the recording {@code target} needs an administrator (a PERMANENT one made STANDARD). */
    boolean needsAdministrator(long recordingId, RetentionClass target) {
        return target == RetentionClass.STANDARD && rows.byId(recordingId).map(RetentionRow::permanent).orElse(false);
    }

    private Result set(long recordingId, RetentionClass target, PermanentCategory category, String by, String reason,
                       boolean commandLine, char[] password) {
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
                if (notAdmin.isEmpty() && commandLine) {
                    // a name on a command line is anyone's to type; the password is the administrator's alone
                    if (password == null) {
                        notAdmin = Optional.of("the command line did not get the console password of '" + by
                                + "' (run it in a terminal, or give the password on standard input with --password-stdin)");
                    } else if (!roles.passwordMatches(by, password)) {
                        notAdmin = Optional.of("the console password given for '" + by + "' is wrong");
                    }
                }
                if (notAdmin.isPresent()) {
                    String refusal = "recording " + recordingId + " is PERMANENT (" + r.category()
                            + "): only an enabled console ADMIN may make it STANDARD, and " + notAdmin.get();
                    refused(r, by, reason, refusal, commandLine);
                    return new Result(Outcome.REFUSED, r, null, refusal);
                }
            }
            d = Classifier.Decision.standard(policy.standardUntil(r), reason == null ? "set by " + by : reason);
        }
        if (d.sameAs(r)) {
            return new Result(Outcome.UNCHANGED, r, d, null);
        }
        Map<String, Object> how = new LinkedHashMap<>();
        if (commandLine) {
            how.putAll(fromCommandLine());
            if (password != null && r.permanent() && target == RetentionClass.STANDARD) {
                how.put("proven", "console password");
            }
        }
        classifier.apply(r, d, policy.standard().toString(), by, how);
        return new Result(Outcome.CHANGED, r, d, null);
    }

    /** What a ledger entry of a change asked for on the command line adds: where from, and who ran it, as the machine knows them. */
    static Map<String, Object> fromCommandLine() {
        return Map.of("via", "command line", "osUser", System.getProperty("user.name"));
    }

    private void refused(RetentionRow r, String by, String reason, String refusal, boolean commandLine) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestedClass", RetentionClass.STANDARD.name());
        payload.put("retentionClass", r.retentionClass());
        payload.put("category", r.category());
        payload.put("reason", reason);
        payload.put("refusal", refusal);
        if (commandLine) {
            // who ran the command, as the machine knows them, beside the name they gave
            payload.put("osUser", System.getProperty("user.name"));
        }
        ledger.append("RETENTION_REFUSED", "recording:" + r.id(), by, payload);
    }
}
