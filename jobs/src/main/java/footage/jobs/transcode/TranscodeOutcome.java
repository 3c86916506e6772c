package footage.jobs.transcode;

import footage.pipeline.transcode.StoredDerivative;

/**
 * What became of one {@link TranscodeItem}: MADE (with the derivative), SKIPPED (the recording cannot give it; kept,
 * so it is not tried again) or FAILED (a passing failure such as a full disk; nothing kept, tried again next run).
 */
record TranscodeOutcome(TranscodeItem item, Status status, StoredDerivative derivative, String reason) {

    enum Status { MADE, SKIPPED, FAILED }

    static TranscodeOutcome made(TranscodeItem item, StoredDerivative derivative) {
        return new TranscodeOutcome(item, Status.MADE, derivative, derivative.result().damage());
    }

    static TranscodeOutcome skipped(TranscodeItem item, String reason) {
        return new TranscodeOutcome(item, Status.SKIPPED, null, reason);
    }

    static TranscodeOutcome failed(TranscodeItem item, String reason) {
        return new TranscodeOutcome(item, Status.FAILED, null, reason);
    }
}
