package footage.pipeline.transcode;

import java.io.IOException;

/**
 * The source cannot give this derivative at all (FFmpeg cannot open it, it has no video stream, not one frame
 * decodes, its codecs do not suit a copy): a fact about the recording, not a passing failure, so trying again
 * changes nothing. Other {@link IOException}s of the transcoder (disk full, an encoder error) may pass.
 */
public final class SourceUnusableException extends IOException {

    public SourceUnusableException(String message) {
        super(message);
    }
}
