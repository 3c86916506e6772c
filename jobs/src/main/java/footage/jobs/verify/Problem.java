package footage.jobs.verify;

/** One thing {@code footage verify} found wrong, as the line it prints (naming the ledger seq or the object). */
record Problem(String text) {

    static Problem ledger(long seq, String type, String subject, String what) {
        return new Problem("ledger seq " + seq + " (" + type + " " + subject + "): " + what);
    }
}
