package footage.jobs.cli;

/** Bad command line: exit 2 with this one-line reason and the usage. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
