package footage.pipeline.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Recognises video containers by their first bytes, without FFmpeg: a cheap first look that keeps
 * logs, notes and other recorder debris away from the probe and out of the catalog.
 */
public final class MediaSniffer {

    private static final Set<String> ISO_BMFF_BOXES = Set.of("ftyp", "moov", "mdat", "free", "wide");
    private static final int TS_PACKET = 188;
    /** M2TS (AVCHD, some body cams) prefixes each 188-byte packet with a 4-byte timecode. */
    private static final int M2TS_PACKET = 192;
    private static final byte TS_SYNC = 0x47;
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] MPEG_PS_PACK = {0x00, 0x00, 0x01, (byte) 0xBA};
    /** How many bytes from the start of a file {@link #looksLikeMedia(byte[])} needs. */
    public static final int HEADER_BYTES = 4 + M2TS_PACKET + 1;

    private MediaSniffer() {
    }

    public static boolean looksLikeMedia(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_BYTES);
        }
        return looksLikeMedia(head);
    }

    /** The same test on the first {@link #HEADER_BYTES} bytes of a file (fewer for a shorter file). */
    public static boolean looksLikeMedia(byte[] head) {
        return isIsoBmff(head) || isTransportStream(head) || startsWith(head, 0, EBML) || isAvi(head)
                || isFlv(head) || startsWith(head, 0, MPEG_PS_PACK);
    }

    private static boolean isIsoBmff(byte[] head) {
        return head.length >= 8 && ISO_BMFF_BOXES.contains(ascii(head, 4, 4));
    }

    /** One sync byte could be chance; the same byte exactly one packet later is a transport stream. */
    private static boolean isTransportStream(byte[] head) {
        return syncAt(head, 0) && syncAt(head, TS_PACKET) || syncAt(head, 4) && syncAt(head, 4 + M2TS_PACKET);
    }

    private static boolean syncAt(byte[] head, int offset) {
        return head.length > offset && head[offset] == TS_SYNC;
    }

    private static boolean isAvi(byte[] head) {
        return head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("AVI ");
    }

    private static boolean isFlv(byte[] head) {
        return head.length >= 4 && ascii(head, 0, 3).equals("FLV") && head[3] == 1;
    }

    private static boolean startsWith(byte[] head, int offset, byte[] magic) {
        return head.length >= offset + magic.length
                && Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static String ascii(byte[] head, int offset, int length) {
        return new String(head, offset, length, StandardCharsets.ISO_8859_1);
    }
}
