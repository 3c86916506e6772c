package footage.jobs;



/** Bad command line: exit 2 with this one-line reason and the usage. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
