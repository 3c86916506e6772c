package footage.jobs.report;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The leader's report (Art. 11): per enforcement activity, the recording interruptions during it and how each was
 * explained (reason category, statement, who, when), for the supervising leader; times in {@link #zone}.
 *
 * @param ledgerHead hash of the newest ledger entry when it was built, printed in the footer so it can be checked later
 */
public record InterruptionReport(OffsetDateTime generatedAt, String ledgerHead, ZoneId zone, List<Activity> activities) {

    public InterruptionReport {
        activities = List.copyOf(activities);
    }

    public record Activity(String id, String caseNumber, OffsetDateTime start, OffsetDateTime end, String devices,
                    String officers, List<Interruption> interruptions) {
        public Activity {
            interruptions = List.copyOf(interruptions);
        }
    }

    /** A gap during the activity; reason, note, by and at are null while it is unexplained. */
    public record Interruption(String findingId, String device, OffsetDateTime start, OffsetDateTime end, Double seconds,
                        String reason, String note, String by, OffsetDateTime at) {

        public boolean explained() {
            return reason != null;
        }
    }
}
