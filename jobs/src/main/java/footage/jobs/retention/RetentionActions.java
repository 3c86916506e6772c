package footage.jobs.retention;

import footage.jobs.cli.UsageException;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Holds as a person changes them from outside this package (the evidence console): the same services, transactions,
 * rules and ledger entries as {@code footage hold set|lift} ({@link HoldChanges}), with the acting user named by the
 * caller (the console's logged-in user, where the command line takes {@code --by}). What the rules refuse comes back as {@link Refused}: a message key
 * and the one-line reason the command line would print.
 */
@Service
public class RetentionActions {

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

    private final HoldChanges holds;
    private final RetentionRows rows;

    RetentionActions(HoldChanges holds, RetentionRows rows) {
        this.holds = holds;
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
}
