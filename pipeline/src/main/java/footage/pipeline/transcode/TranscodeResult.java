package footage.pipeline.transcode;

/**
 * What one transcode wrote.
 *
 * @param method        how it was made
 * @param sourceSeconds the source's duration as its container states it, null when unknown
 * @param outputSeconds how much media the output holds (the end of its longest stream); for a thumbnail, where in
 *                      the source its picture is from
 * @param videoFrames   video frames (or copied video packets) written
 * @param decodedFrames video frames decoded; 0 for a copy
 * @param audio         the output has an audio stream
 * @param damage        null when the whole source was read; else where and why reading or decoding stopped short,
 *                      the output then holds what came before
 * @param videoFilter   the FFmpeg filter chain the video went through, null for a copy
 * @param decodeCheck   what decoding every packet of the source's video and audio found, when this transcode did
 *                      (an encode of a profile that takes the sound, of a source whose sound decodes); else null
 */
public record TranscodeResult(TranscodeMethod method, Double sourceSeconds, double outputSeconds, long videoFrames,
                              long decodedFrames, boolean audio, String damage, String videoFilter,
                              DecodeReport decodeCheck) {

    /** A transcode that did not decode the whole source. */
    public TranscodeResult(TranscodeMethod method, Double sourceSeconds, double outputSeconds, long videoFrames,
                           long decodedFrames, boolean audio, String damage, String videoFilter) {
        this(method, sourceSeconds, outputSeconds, videoFrames, decodedFrames, audio, damage, videoFilter, null);
    }

    /** The source was damaged: the output covers only the part that could be read. */
    public boolean partial() {
        return damage != null;
    }
}
