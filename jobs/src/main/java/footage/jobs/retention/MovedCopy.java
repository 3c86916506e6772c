package footage.jobs.retention;

import java.util.List;

/** A recording whose verified copy (and its derivatives' copies) are in expired/, waiting to be catalogued there. */
record MovedCopy(RetentionRow row, String expiredPath, List<DerivativeMoves.Derivative> derivatives) {

    MovedCopy {
        derivatives = List.copyOf(derivatives);
    }
}
