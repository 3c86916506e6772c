package footage.jobs.transcode;

import footage.pipeline.transcode.Profile;

/**
 * One derivative to make: a catalogued recording and a profile it has no derivative of yet; or, without a profile,
 * the decode check of a recording no derivative of this run decodes whole.
 *
 * @param archivePath the original below footage.archive
 * @param profile     null for a decode check only
 * @param decodesWhole making it decodes every packet of the recording's video and sound ({@link
 *                     Profile#decodesWhole}): its outcome is the recording's decode check
 */
record TranscodeItem(long recordingId, String sha256, String archivePath, String originalPath, String status,
                     Profile profile, boolean decodesWhole) {

    static TranscodeItem decodeCheck(long recordingId, String sha256, String archivePath, String originalPath,
                                     String status) {
        return new TranscodeItem(recordingId, sha256, archivePath, originalPath, status, null, true);
    }

    boolean decodeCheckOnly() {
        return profile == null;
    }

    String label() {
        return originalPath + " [" + (profile == null ? "decode check" : profile.name()) + "]";
    }
}
