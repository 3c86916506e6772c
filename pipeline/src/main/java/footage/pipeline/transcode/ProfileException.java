package footage.pipeline.transcode;

/**
 * A profile that cannot be used; the message names the file and, when one is at fault, the key. It carries no cause:
 * whoever shows only the innermost message of a failure (the CLI does) still shows this one.
 */
public final class ProfileException extends RuntimeException {

    public ProfileException(String message) {
        super(message);
    }
}
