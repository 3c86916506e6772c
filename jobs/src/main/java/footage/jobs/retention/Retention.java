package footage.jobs.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Retention classes as other features meet them: a recording is classified as it is catalogued, and imported
 * activities with Art. 15 flags make the recordings they cover PERMANENT. Permanent is sticky: nothing here ever
 * turns a PERMANENT recording back into STANDARD (only {@code footage retention set … --class STANDARD} does).
 * Runs in the caller's transaction, so the class and its ledger entry commit with the change that caused them.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RetentionRows rows;
    private final RetentionPolicy policy;
    private final Coverage coverage;
    private final Holds holds;
    private final Classifier classifier;

    Retention(RetentionRows rows, RetentionPolicy policy, Coverage coverage, Holds holds, Classifier classifier) {
        this.rows = rows;
        this.policy = policy;
        this.coverage = coverage;
        this.holds = holds;
        this.classifier = classifier;
    }

    /** A newly catalogued recording: its retain-until date, PERMANENT when a flagged activity covers it, its holds. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onIngest(long recordingId, String actor) {
        RetentionRow r = rows.byId(recordingId).orElseThrow(() -> new IllegalStateException("no recording " + recordingId));
        List<ActivityWindow> covering = coverage.covering(r);
        Optional<Classifier.Decision> permanent = permanentBy(covering);
        classifier.apply(r, permanent.orElseGet(() -> Classifier.Decision.standard(policy.standardUntil(r),
                "recording date " + policy.recordingDate(r) + " + " + policy.standard())), policy.standard().toString(), actor);
        holds.refresh(List.of(recordingId));
    }

    /**
     * Activities imported or changed: the recordings their flags cover become PERMANENT (those already PERMANENT
     * keep their category), and holds on their cases now cover what the activities cover.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onActivities(Collection<String> activityIds, String actor) {
        Set<Long> touched = new TreeSet<>();
        for (String id : activityIds) {
            coverage.activity(id).filter(a -> !a.permanent().isEmpty()).ifPresent(a -> touched.addAll(coverage.recordings(a)));
        }
        for (long id : touched) {
            RetentionRow r = rows.byId(id).orElseThrow();
            if (r.permanent()) {
                continue;
            }
            Optional<Classifier.Decision> decision = permanentBy(coverage.covering(r));
            if (decision.isEmpty()) {
                continue;
            }
            classifier.apply(r, decision.get(), policy.standard().toString(), actor);
            if (r.movedOut()) {
                log.warn("retention: recording {} ({}) is PERMANENT now but was already moved out to {}: bring it back "
                        + "into the archive", r.id(), r.originalPath(), r.archivePath());
            }
        }
        holds.refreshAll();
    }

    private static Optional<Classifier.Decision> permanentBy(List<ActivityWindow> covering) {
        List<String> flags = new ArrayList<>();
        List<String> activities = new ArrayList<>();
        for (ActivityWindow a : covering) {
            if (!a.permanent().isEmpty()) {
                flags.addAll(a.permanent());
                activities.add(a.id());
            }
        }
        return PermanentCategory.first(flags).map(c -> Classifier.Decision.permanent(c,
                "activity flags " + new TreeSet<>(flags) + " of " + activities, activities));
    }
}
