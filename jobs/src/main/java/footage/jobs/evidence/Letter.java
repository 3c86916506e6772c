package footage.jobs.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** An uploaded request letter, typed by its first bytes (never by its name) and hashed. */
record Letter(String type, String sha256, byte[] bytes) {

    /** Below the servlet's 1 MB multipart default, so an oversized letter is refused here with a message. */
    static final int LIMIT = 900 * 1024;

    static Optional<String> typeOf(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Optional.of("PDF");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("JPEG");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of("PNG");
        }
        return Optional.empty();
    }

    /** The letter, or the message key of why it is refused. */
    static Letter of(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > LIMIT) {
            throw new AccessRequests.Refused("evidence.letter.refused.size");
        }
        String type = typeOf(bytes).orElseThrow(() -> new AccessRequests.Refused("evidence.letter.refused.type"));
        try {
            return new Letter(type, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String fileName() {
        return sha256 + "." + type.toLowerCase(java.util.Locale.ROOT);
    }
}
