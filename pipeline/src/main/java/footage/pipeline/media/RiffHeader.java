package footage.pipeline.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The length a RIFF file (WAV, AVI) states in its first header. FFmpeg quietly shortens a WAV's stated length to the
 * bytes present, so a recorder cut off mid-write would pass as whole; the header still says what was written.
 */
final class RiffHeader {

    private RiffHeader() {
    }

    /** Why the file is shorter than its RIFF header states, or null when it is not, or the header states nothing. */
    static String shortfall(Path file, long fileSize) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
        } catch (IOException e) {
            return null;
        }
        if (head.length < 12 || !new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")) {
            return null;
        }
        long stated = (ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL) + 8;
        // 0 and 0xFFFFFFFF are what streaming writers leave before they know the length: nothing stated
        if (stated == 8 || stated == 0xFFFFFFFFL + 8 || stated <= fileSize) {
            return null;
        }
        return "the RIFF header states " + stated + " bytes, the file has " + fileSize + " ("
                + (stated - fileSize) + " missing): cut short";
    }
}
