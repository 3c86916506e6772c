package footage.jobs.retention;

import footage.jobs.catalog.Recordings;
import footage.jobs.ledger.Ledger;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a recording's retention class, category and retain-until date together with its RETENTION_SET ledger
 * entry, in the caller's transaction. The one place these columns change (through catalog's {@link Recordings}).
 */
@Component
class Classifier {

    private final Recordings recordings;
    private final Ledger ledger;

    Classifier(Recordings recordings, Ledger ledger) {
        this.recordings = recordings;
        this.ledger = ledger;
    }

    /** A class to give a recording: why, and on which activities' flags when it comes from them. */
    record Decision(RetentionClass retentionClass, PermanentCategory category, LocalDate retainUntil, String reason,
                    List<String> activities) {

        static Decision standard(LocalDate until, String reason) {
            return new Decision(RetentionClass.STANDARD, null, until, reason, List.of());
        }

        static Decision permanent(PermanentCategory category, String reason, List<String> activities) {
            return new Decision(RetentionClass.PERMANENT, category, null, reason, activities);
        }

        boolean sameAs(RetentionRow r) {
            return retentionClass.name().equals(r.retentionClass())
                    && java.util.Objects.equals(category == null ? null : category.name(), r.category())
                    && java.util.Objects.equals(retainUntil, r.retainUntil());
        }
    }

    void apply(RetentionRow r, Decision d, String period, String actor) {
        apply(r, d, period, actor, Map.of());
    }

    /** As {@link #apply(RetentionRow, Decision, String, String)}, with {@code how} it was asked for in the entry. */
    void apply(RetentionRow r, Decision d, String period, String actor, Map<String, Object> how) {
        recordings.setRetention(r.id(), d.retentionClass().name(), d.category() == null ? null : d.category().name(),
                d.retainUntil());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("retentionClass", d.retentionClass().name());
        payload.put("category", d.category() == null ? null : d.category().name());
        payload.put("retainUntil", d.retainUntil() == null ? null : d.retainUntil().toString());
        payload.put("previousClass", r.retentionClass());
        payload.put("previousCategory", r.category());
        payload.put("period", d.retentionClass() == RetentionClass.STANDARD ? period : null);
        payload.put("activities", d.activities());
        payload.put("reason", d.reason());
        payload.putAll(how);
        ledger.append("RETENTION_SET", "recording:" + r.id(), actor, payload);
    }
}
