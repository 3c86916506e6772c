package footage.pipeline.dump;

/** A manifest that cannot be used; the message is the one-line reason shown to people. */
public final class ManifestException extends Exception {
    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
