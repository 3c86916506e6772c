package footage.jobs.transcode;

import footage.pipeline.transcode.Profile;

/**
 * One derivative to make: a catalogued recording and a profile it has no derivative of yet.
 *
 * @param archivePath the original below footage.archive
 */
record TranscodeItem(long recordingId, String sha256, String archivePath, String originalPath, String status,
                     Profile profile) {

    String label() {
        return originalPath + " [" + profile.name() + "]";
    }
}
