package footage.jobs.debug;

/**
 * A crash point of the kill -9 tests, as the {@code footage.debug.*pause-at} properties name it: {@code <point>[:<n>]},
 * the named point of the n-th item (file, derivative, recording) of the process, n = 1 when left out; blank = none.
 * The feature's hook counts its items and asks {@link #is}; {@link DebugPause} does the pausing.
 *
 * @param point the point's name, null = none
 * @param nth   which item pauses (from 1)
 */
public record CrashPoint(String point, int nth) {

    public static final CrashPoint NONE = new CrashPoint(null, 0);

    /** {@code property} names the setting in the one-line reason a bad value gets. */
    public static CrashPoint parse(String property, String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        String[] parts = spec.strip().split(":", 2);
        try {
            int nth = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 1;
            if (parts[0].isBlank() || nth < 1) {
                throw new NumberFormatException();
            }
            return new CrashPoint(parts[0].strip(), nth);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " is <point>[:<n>] with n from 1, got '" + spec + "'");
        }
    }

    /** Whether {@code here}, reached by the {@code n}-th item, is this point. */
    public boolean is(String here, int n) {
        return is(here) && n == nth;
    }

    /** Whether {@code here} is this point, whichever item reached it (a point of a step, not of an item). */
    public boolean is(String here) {
        return here.equals(point);
    }
}
