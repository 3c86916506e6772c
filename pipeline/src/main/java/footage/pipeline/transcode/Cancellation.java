package footage.pipeline.transcode;

import java.util.concurrent.CancellationException;

/** Stops a transcode between packets when its listener asks, or when its thread is interrupted. */
final class Cancellation {

    private final TranscodeListener listener;

    Cancellation(TranscodeListener listener) {
        this.listener = listener;
    }

    void check() {
        if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("transcode cancelled");
        }
    }
}
