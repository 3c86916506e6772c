package footage.jobs.transcode;

import footage.pipeline.transcode.StoredDerivative;

/**
 * What became of one {@link TranscodeItem}: MADE (with the derivative), SKIPPED (the recording cannot give it; kept,
 * so it is not tried again), FAILED (a passing failure such as a full disk; nothing kept, tried again next run) or,
 * for a decode check only, CHECKED (with what it found).
 *
 * @param decodeCheck the decode check this item did: a MADE derivative's that decoded the whole recording, or a
 *                    CHECKED one's; else null
 */
record TranscodeOutcome(TranscodeItem item, Status status, StoredDerivative derivative, String reason,
                        DecodeChecks.Result decodeCheck) {

    enum Status { MADE, SKIPPED, FAILED, CHECKED }

    static TranscodeOutcome checked(TranscodeItem item, DecodeChecks.Result result) {
        return new TranscodeOutcome(item, Status.CHECKED, null, result.damage(), result);
    }

    /** Made; with the decode check the transcode did on the way, when it decoded the whole recording. */
    static TranscodeOutcome made(TranscodeItem item, StoredDerivative derivative) {
        var report = derivative.result().decodeCheck();
        return new TranscodeOutcome(item, Status.MADE, derivative, derivative.result().damage(),
                report == null ? null : new DecodeChecks.Result(report, null, by(item)));
    }

    /** Skipped; when the derivative would have decoded the whole recording, it is not decodable: its decode check. */
    static TranscodeOutcome skipped(TranscodeItem item, String reason) {
        return new TranscodeOutcome(item, Status.SKIPPED, null, reason,
                item.decodesWhole() ? new DecodeChecks.Result(null, reason, by(item)) : null);
    }

    static TranscodeOutcome failed(TranscodeItem item, String reason) {
        return new TranscodeOutcome(item, Status.FAILED, null, reason, null);
    }

    private static String by(TranscodeItem item) {
        return "transcode " + item.profile().name();
    }
}
