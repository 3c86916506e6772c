package footage.pipeline.transcode;

/** How a derivative was made. */
public enum TranscodeMethod {
    /** decoded, filtered and encoded */
    ENCODE,
    /** packets copied into another container, nothing decoded */
    REMUX,
    /** one decoded picture encoded as an image */
    THUMBNAIL
}
