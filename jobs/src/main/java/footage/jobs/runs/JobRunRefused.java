package footage.jobs.runs;

/** An operator's request that the job's state does not allow; the message says why in words. */
public final class JobRunRefused extends RuntimeException {
    public JobRunRefused(String message) {
        super(message);
    }
}
