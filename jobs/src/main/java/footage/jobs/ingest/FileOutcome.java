package footage.jobs.ingest;

import footage.jobs.catalog.PendingFile;
import footage.pipeline.archive.StoredObject;
import footage.pipeline.media.ProbeResult;

import java.util.List;

/**
 * What taking in one file came to, before it is catalogued.
 *
 * @param status   ARCHIVED, DAMAGED, QUARANTINED or FAILED (a passing error; tried again next run)
 * @param problems findings on the dump about this file: kind and one-line detail
 */
record FileOutcome(PendingFile file, String status, String reason, StoredObject stored, ProbeResult probe,
                   String quarantinePath, String sha256, List<Problem> problems) {

    record Problem(String kind, String detail) {
    }

    static FileOutcome failed(PendingFile file, String reason) {
        return new FileOutcome(file, "FAILED", reason, null, null, null, null, List.of());
    }
}
