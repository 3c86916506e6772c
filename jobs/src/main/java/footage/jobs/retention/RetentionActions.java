package footage.jobs.retention;

import footage.jobs.UsageException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds and retention classes as a person changes them from outside this package (the evidence console): the same
 * services, transactions, rules and ledger entries as {@code footage hold set|lift} and {@code footage retention set}
 * ({@link HoldChanges}, {@link RetentionChanges}), with the acting user named by the caller (the console's logged-in
 * user, where the command line takes {@code --by}). What the rules refuse comes back as {@link Refused}: a message key
 * and the one-line reason the command line would print.
 */
@Service
public class RetentionActions {

    /** The retention classes and the Art. 15 categories, for forms. */
    public static final List<String> CLASSES = Arrays.stream(RetentionClass.values()).map(Enum::name).toList();
    public static final List<String> CATEGORIES = Arrays.stream(PermanentCategory.values()).map(Enum::name).toList();

    /** Refused by the rules; {@code code} names the message, {@link #getMessage()} is the command line's reason. */
    public static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code, String detail) {
            super(detail);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * A hold set, or not set because one is already active on the target ({@code set} false, {@code holdId} the
     * existing one's).
     *
     * @param movedOut how many of the covered recordings a sweep already moved out to expired/
     * @param caseKnown false for a case no activity names yet
     */
    public record HoldSet(boolean set, long holdId, int covered, boolean caseKnown, long movedOut) {
    }

    public record HoldLifted(int lifted, int released, long stillHeld) {
    }

    /** @param changed false when the recording already had this class (nothing was written) */
    public record RetentionSet(boolean changed, String retentionClass, String category, LocalDate retainUntil,
                               boolean movedOut) {
    }

    private final HoldChanges holds;
    private final RetentionChanges retention;
    private final RetentionRows rows;

    RetentionActions(HoldChanges holds, RetentionChanges retention, RetentionRows rows) {
        this.holds = holds;
        this.retention = retention;
        this.rows = rows;
    }

    public HoldSet setHoldOnRecording(long recordingId, String reason, String by) {
        return setHold(new HoldTarget(null, recordingId), reason, by);
    }

    public HoldSet setHoldOnCase(String caseNumber, String reason, String by) {
        return setHold(caseTarget(caseNumber), reason, by);
    }

    public HoldLifted liftHoldOnRecording(long recordingId, String reason, String by) {
        return liftHold(new HoldTarget(null, recordingId), reason, by);
    }

    public HoldLifted liftHoldOnCase(String caseNumber, String reason, String by) {
        return liftHold(caseTarget(caseNumber), reason, by);
    }

    private HoldSet setHold(HoldTarget target, String reason, String by) {
        String why = reason(reason, "evidence.hold.refused.reason", "a hold needs a reason");
        if (target.recordingId() != null && rows.byId(target.recordingId()).isEmpty()) {
            throw new Refused("evidence.hold.refused.recording", "no recording " + target.recordingId());
        }
        HoldChanges.SetResult r;
        try {
            r = holds.set(target, why, by);
        } catch (UsageException e) {
            throw new Refused("evidence.hold.refused", e.getMessage());
        }
        if (r.holdId() == null) {
            return new HoldSet(false, r.existing().get(0).id(), r.covered().size(), r.caseKnown(), 0);
        }
        return new HoldSet(true, r.holdId(), r.covered().size(), r.caseKnown(), r.movedOut());
    }

    private HoldLifted liftHold(HoldTarget target, String reason, String by) {
        String why = reason(reason, "evidence.hold.refused.liftReason", "lifting a hold needs a reason");
        HoldChanges.LiftResult r;
        try {
            r = holds.lift(target, why, by);
        } catch (UsageException e) {
            // the one thing lift refuses: no active hold on the target (none, or lifted by someone else meanwhile)
            throw new Refused("evidence.hold.refused.none", e.getMessage());
        }
        return new HoldLifted(r.lifted().size(), r.released().size(), r.stillHeld());
    }

    /**
     * {@code footage retention set}: PERMANENT needs a category; making a PERMANENT recording STANDARD needs a reason
     * and an enabled console ADMIN as {@code by}, anyone else is refused and the refusal is ledgered
     * (RETENTION_REFUSED). A category given with STANDARD is not used (a form sends both selects).
     */
    public RetentionSet setRetention(long recordingId, String retentionClass, String category, String reason, String by) {
        RetentionClass target = parse(RetentionClass.class, retentionClass, "evidence.retention.refused.class");
        PermanentCategory permanent = target == RetentionClass.PERMANENT
                ? parse(PermanentCategory.class, category, "evidence.retention.refused.category") : null;
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        Optional<RetentionRow> current = rows.byId(recordingId);
        if (current.isEmpty()) {
            throw new Refused("evidence.hold.refused.recording", "no recording " + recordingId);
        }
        if (target == RetentionClass.STANDARD && current.get().permanent() && why == null) {
            throw new Refused("evidence.retention.refused.reason", "recording " + recordingId + " is PERMANENT ("
                    + current.get().category() + "): making it STANDARD needs a reason (it is recorded in the ledger)");
        }
        RetentionChanges.Result r;
        try {
            r = retention.set(recordingId, target, permanent, by, why);
        } catch (UsageException e) {
            throw new Refused("evidence.retention.refused", e.getMessage());
        }
        if (r.outcome() == RetentionChanges.Outcome.REFUSED) {
            throw new Refused("evidence.retention.refused.admin", r.refusal());
        }
        Classifier.Decision d = r.decision();
        return new RetentionSet(r.outcome() == RetentionChanges.Outcome.CHANGED, d.retentionClass().name(),
                d.category() == null ? null : d.category().name(), d.retainUntil(), r.before().movedOut());
    }

    private static HoldTarget caseTarget(String caseNumber) {
        if (caseNumber == null || caseNumber.isBlank()) {
            throw new Refused("evidence.hold.refused.case", "a case hold needs a case number");
        }
        return new HoldTarget(caseNumber.trim(), null);
    }

    private static String reason(String reason, String code, String detail) {
        if (reason == null || reason.isBlank()) {
            throw new Refused(code, detail);
        }
        return reason.trim();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String code) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return e;
                }
            }
        }
        throw new Refused(code, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
}
