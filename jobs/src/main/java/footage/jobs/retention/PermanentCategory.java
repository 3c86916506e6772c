package footage.jobs.retention;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** The Art. 15 reasons for keeping footage permanently, in the order the article lists them. */
enum PermanentCategory {
    /** evidence for an administrative penalty */
    PENALTY_EVIDENCE,
    /** shows obstruction of enforcement */
    OBSTRUCTION,
    /** covers a major emergency or mass incident */
    MAJOR_INCIDENT,
    /** a major, difficult or complex enforcement action */
    COMPLEX_CASE;

    static PermanentCategory parse(String text) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown permanent-retention category '" + text
                        + "'; one of " + Arrays.toString(values())));
    }

    /** One category for a recording several flags apply to: the first the article lists (all go to the ledger). */
    static Optional<PermanentCategory> first(Collection<String> names) {
        return Arrays.stream(values()).filter(c -> names.contains(c.name())).findFirst();
    }
}
