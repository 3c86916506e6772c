package footage.jobs.ingest;

import footage.jobs.catalog.PendingFile;
import footage.pipeline.archive.SourceFile;
import footage.pipeline.archive.StoredObject;
import footage.pipeline.continuity.FindingKind;
import footage.pipeline.media.ProbeResult;
import footage.pipeline.media.SilenceDetector;

import java.util.List;

/**
 * What taking in one file came to, before it is catalogued.
 *
 * @param status   ARCHIVED, DAMAGED, QUARANTINED, REJECTED (not the registered file), MISSING (gone since),
 *                 UNREADABLE (read failed run after run) or FAILED (tried again next run)
 * @param problems findings on the dump about this file: kind and one-line detail
 * @param retry    for FAILED: whether it counts as an attempt, and the file as seen now if it was still changing
 * @param silence  where an archived recording's sound is silent; null when not checked
 */
record FileOutcome(PendingFile file, String status, String reason, StoredObject stored, ProbeResult probe,
                   String quarantinePath, String sha256, List<Problem> problems, Retry retry,
                   SilenceDetector.Result silence) {

    FileOutcome(PendingFile file, String status, String reason, StoredObject stored, ProbeResult probe,
                String quarantinePath, String sha256, List<Problem> problems, Retry retry) {
        this(file, status, reason, stored, probe, quarantinePath, sha256, problems, retry, null);
    }

    record Problem(FindingKind kind, String detail) {
    }

    /** Why a FAILED file is tried again: {@code attempt} a read that failed (counted); {@code changed} its new size etc. */
    record Retry(boolean attempt, SourceFile.Registered changed) {
    }

    /** Failed for a passing reason (not the file's): tried again next run, not counted. */
    static FileOutcome failed(PendingFile file, String reason) {
        return new FileOutcome(file, "FAILED", reason, null, null, null, null, List.of(), new Retry(false, null));
    }

    static FileOutcome settled(PendingFile file, String status, String reason, Problem problem) {
        return new FileOutcome(file, status, reason, null, null, null, null, List.of(problem), null);
    }
}
