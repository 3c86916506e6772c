package footage.jobs.console;

/** A console request the rules do not allow; {@code code} names the message that says why, in the user's language. */
final class ConsoleRefusal extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    ConsoleRefusal(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args.clone();
    }

    String code() {
        return code;
    }

    Object[] args() {
        return args.clone();
    }
}
