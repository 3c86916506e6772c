package footage.jobs;

/** What the command line and the console say about a failure. */
public final class Failures {

    private Failures() {
    }

    /** The innermost cause's first line: what went wrong, without the stack of wrappers. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }
}
