package footage.pipeline.text;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * A value cut to fit a bounded column: its first characters and a marker naming its true length and the start of
 * its SHA-256 (so two long values that share a beginning stay apart). The full value's SHA-256 is kept for the
 * finding that reports the cut.
 *
 * @param value  what is stored: the original when it fits, else the cut form (never longer than the bound)
 * @param cut    whether it was cut
 * @param length the original's length in characters
 * @param sha256 SHA-256 of the original's UTF-8 bytes, null when not cut
 */
public record Bounded(String value, boolean cut, int length, String sha256) {

    /** The value as it fits in {@code max} characters; null stays null. */
    public static Bounded of(String value, int max) {
        if (value == null || value.length() <= max) {
            return new Bounded(value, false, value == null ? 0 : value.length(), null);
        }
        String sha = DigestUtils.sha256Hex(value);
        String marker = "…[cut: " + value.length() + " chars, sha256 " + sha.substring(0, 16) + "]";
        int keep = Math.max(0, max - marker.length());
        if (keep > 0 && Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        return new Bounded(value.substring(0, keep) + marker, true, value.length(), sha);
    }

    /** Just the stored form, for free text (reasons, details) whose cut needs no finding of its own. */
    public static String text(String value, int max) {
        return of(value, max).value();
    }
}
